package io.calendarsync.operator.push;

import io.calendarsync.api.redis.VendorName;
import io.calendarsync.operator.metrics.PushMetrics;
import io.calendarsync.operator.runtime.CalendarSyncOperator;
import io.calendarsync.operator.store.PushChannelStore;
import io.calendarsync.operator.store.StoreException;
import io.calendarsync.operator.sync.PushChannelKeeper;
import io.calendarsync.operator.vendor.PushChannels;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The push side of the operator wired together: the channel lifecycle the sync engine runs, and, once the operator
 * runs, the leader-only notification consumer and registry sweep.
 */
public final class PushAssembly implements AutoCloseable {

  /** A sync waits at most this long for Redis before it reports QueueUnavailable and goes on without push. */
  private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration SWEEP_PERIOD = Duration.ofHours(1);

  private final RedisClient redis;
  private final ChannelRegistry registry;
  private final PushChannelStore channels;
  private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
  private final PushMetrics metrics = new PushMetrics(meters);
  private final PushChannelLifecycle lifecycle;
  private final KubernetesClient kubernetes;

  /**
   * @param vendors the push adapters, built with the receiver's public URL; empty when it is not configured
   * @param sharedRedis whose I/O resources push shares; push's own client fails fast while Redis is down
   */
  public PushAssembly(Map<VendorName, PushChannels> vendors, PushChannelStore channels, RedisClient sharedRedis,
      String redisUri, Duration renewalLead, KubernetesClient kubernetes, Clock clock) {
    this.redis = RedisClient.create(sharedRedis.getResources(), RedisURI.create(redisUri));
    redis.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .build());
    this.registry = new ChannelRegistry(redis, REDIS_TIMEOUT);
    this.channels = channels;
    this.kubernetes = kubernetes;
    this.lifecycle = new PushChannelLifecycle(vendors, channels, registry, !vendors.isEmpty(), renewalLead, metrics,
        clock);
    metrics.channelsExpiring(() -> {
      try {
        return channels.countCurrentExpiringBefore(clock.instant().plus(renewalLead));
      } catch (StoreException e) {
        return Double.NaN;
      }
    });
  }

  public PushChannelKeeper keeper() {
    return lifecycle;
  }

  /** Publishes push's meters with the operator's and, while it leads, consumes notifications and sweeps the registry. */
  public void start(CalendarSyncOperator operator) {
    meters.add(operator.registry());
    String consumer = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("operator");
    operator.runWhileLeading(new NotificationConsumer(redis, consumer, operator::wake, channels, metrics));
    operator.runWhileLeading(new RegistrySweep(registry, channels, new ExistingProviders(kubernetes, operator.watchNamespaces()), SWEEP_PERIOD));
  }

  @Override
  public void close() {
    registry.close();
    redis.shutdown();
  }
}
