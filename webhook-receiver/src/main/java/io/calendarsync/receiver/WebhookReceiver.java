package io.calendarsync.receiver;

import io.calendarsync.api.crypto.SecretBox;
import io.calendarsync.api.redis.ConsentState;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.receiver.config.ReceiverConfig;
import io.calendarsync.receiver.google.GoogleNotificationHandler;
import io.calendarsync.receiver.http.ManagementHandler;
import io.calendarsync.receiver.http.ReceiverServer;
import io.calendarsync.receiver.metrics.ReceiverMetrics;
import io.calendarsync.receiver.microsoft.GraphNotificationHandler;
import io.calendarsync.receiver.oauth.OAuthCallbackHandler;
import io.calendarsync.receiver.queue.ChannelRegistry;
import io.calendarsync.receiver.queue.ConsentRedemption;
import io.calendarsync.receiver.queue.NotificationQueue;
import io.calendarsync.receiver.queue.RedisConnection;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.handler.PathMappingsHandler;

import java.time.Clock;
import java.time.Duration;

/** The running receiver: its Redis connection, its endpoints and its HTTP server, wired together. */
public final class WebhookReceiver implements AutoCloseable {

  private final RedisConnection redis;
  private final ReceiverServer server;

  private WebhookReceiver(RedisConnection redis, ReceiverServer server) {
    this.redis = redis;
    this.server = server;
  }

  /**
   * Starts serving at once, also while Redis is still unreachable (then /readyz says so and webhooks answer 503).
   *
   * @param clock stamps notifications and checks consent-state expiry
   */
  public static WebhookReceiver start(ReceiverConfig config, Clock clock) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    ReceiverMetrics metrics = new ReceiverMetrics(registry);
    RedisConnection redis = RedisConnection.open(config.redisUri(), config.redisTimeout());
    try {
      ReceiverServer server = ReceiverServer.start(config.port(), config.managementPort(),
          publicRoutes(config, redis, metrics, clock), new ManagementHandler(redis::isReachable, registry));
      return new WebhookReceiver(redis, server);
    } catch (Exception e) {
      redis.close();
      throw e;
    }
  }

  private static PathMappingsHandler publicRoutes(ReceiverConfig config, RedisConnection redis,
      ReceiverMetrics metrics, Clock clock) {
    ChannelRegistry registry = new ChannelRegistry(redis);
    NotificationQueue queue = new NotificationQueue(redis);
    ConsentRedemption redemption = new ConsentRedemption(redis);
    ConsentState consentState = new ConsentState(config.encryptionKey(), clock);
    SecretBox box = new SecretBox(config.encryptionKey());
    Duration deadline = config.redisTimeout();

    PathMappingsHandler routes = new PathMappingsHandler();
    routes.addMapping(PathSpec.from("/webhooks/google"),
        new GoogleNotificationHandler(registry, queue, metrics, clock, deadline));
    // Graph gets one URL for change notifications and one for lifecycle events; items say which they are.
    routes.addMapping(PathSpec.from("/webhooks/microsoft"),
        new GraphNotificationHandler(registry, queue, metrics, clock, deadline));
    routes.addMapping(PathSpec.from("/webhooks/microsoft/lifecycle"),
        new GraphNotificationHandler(registry, queue, metrics, clock, deadline));
    for (VendorName vendor : VendorName.values()) {
      routes.addMapping(PathSpec.from("/oauth/callback/" + vendor.wireName()), new OAuthCallbackHandler(vendor,
          consentState, box, redemption, config.publicUrl(), metrics, clock, deadline));
    }
    return routes;
  }

  /** The webhook and OAuth port. */
  public int port() {
    return server.port();
  }

  /** The health and metrics port. */
  public int managementPort() {
    return server.managementPort();
  }

  /** Finishes in-flight requests, then disconnects from Redis. */
  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      redis.close();
    }
  }
}
