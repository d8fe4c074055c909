package io.calendarsync.operator.runtime;

import com.zaxxer.hikari.HikariDataSource;
import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.api.crypto.SecretBox;
import io.calendarsync.api.redis.ConsentState;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.operator.config.EngineSettings;
import io.calendarsync.operator.conflict.KubernetesConflictReporter;
import io.calendarsync.operator.consent.ConsentCodeConsumer;
import io.calendarsync.operator.consent.ConsentLinks;
import io.calendarsync.operator.engine.SyncEngine;
import io.calendarsync.operator.events.EventRecorder;
import io.calendarsync.operator.metrics.OperatorMetrics;
import io.calendarsync.operator.notify.RedisEventStream;
import io.calendarsync.operator.oauth.AccessTokens;
import io.calendarsync.operator.oauth.RefreshResult;
import io.calendarsync.operator.oauth.TokenEndpointClient;
import io.calendarsync.operator.oauth.TokenSecrets;
import io.calendarsync.operator.push.PushAssembly;
import io.calendarsync.operator.store.ChangeNotificationListener;
import io.calendarsync.operator.store.SchemaMigrator;
import io.calendarsync.operator.store.Store;
import io.calendarsync.operator.store.StoreDataSource;
import io.calendarsync.operator.sync.CalendarSync;
import io.calendarsync.operator.vendor.VendorConnector;
import io.calendarsync.operator.vendor.google.GoogleConnector;
import io.calendarsync.operator.vendor.http.RequestBudget;
import io.calendarsync.operator.vendor.http.RetryPolicy;
import io.calendarsync.operator.vendor.http.Sleeper;
import io.calendarsync.operator.vendor.http.VendorCalls;
import io.calendarsync.operator.vendor.microsoft.MicrosoftConnector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The sync engine assembled with its real collaborators: the schedule database (migrated on start), the Redis event
 * stream, access tokens (rotated refresh tokens kept in the operator's token Secrets), one connector per vendor with
 * its own request budget, conflicts reported to Kubernetes, push channels with their notification consumer, and,
 * given the encryption key, the consent flow.
 */
public final class SyncEngineAssembly implements AutoCloseable {

  private final EngineSettings settings;
  private final HikariDataSource dataSource;
  private final RedisClient redis;
  private final RedisEventStream stream;
  private final SyncEngine engine;
  private final PushAssembly push;
  private ChangeNotificationListener listener;

  private final KubernetesClient client;
  private final Clock clock;
  private final Optional<EncryptionKey> encryptionKey;
  private final TokenEndpointClient tokenEndpoint;
  private final TokenSecrets tokenSecrets;
  private final StatefulRedisConnection<String, String> consentRedis;
  private volatile OperatorMetrics metrics;

  private SyncEngineAssembly(EngineSettings settings, Optional<EncryptionKey> encryptionKey, KubernetesClient client,
      Clock clock) {
    this.settings = settings;
    this.client = client;
    this.clock = clock;
    this.encryptionKey = encryptionKey;
    // A sync holds its provider's lock connection and borrows a second one for pooled reads: two per reconcile thread
    // (10 by default). At one each, ten concurrent syncs waited on each other until the pool's timeout.
    this.dataSource = StoreDataSource.create(settings.store(), 20);
    new SchemaMigrator(dataSource).migrate();
    this.redis = RedisClient.create(settings.redisUri());
    this.stream = new RedisEventStream(redis, clock);
    this.tokenEndpoint = new TokenEndpointClient(settings.endpoints(), HttpClient.newHttpClient(), clock);
    this.tokenSecrets = new TokenSecrets(client);
    AccessTokens tokens = new AccessTokens(tokenEndpoint, tokenSecrets, this::countRefresh, clock);
    Map<Vendor, VendorConnector> connectors = new EnumMap<>(Vendor.class);
    GoogleConnector google = new GoogleConnector(settings.endpoints(), vendorCalls(tokens, clock), clock);
    MicrosoftConnector microsoft = new MicrosoftConnector(settings.endpoints(), vendorCalls(tokens, clock), clock);
    connectors.put(Vendor.Google, google);
    connectors.put(Vendor.Microsoft, microsoft);
    Store store = new Store(dataSource);
    this.push = new PushAssembly(settings.receiverPublicUrl()
        .map(url -> Map.of(VendorName.GOOGLE, google.pushChannels(url), VendorName.MICROSOFT, microsoft.pushChannels(url)))
        .orElse(Map.of()), store.pushChannels(), redis, settings.redisUri(), settings.pushRenewalLead(), client, clock);
    this.consentRedis = encryptionKey.isPresent() ? redis.connect() : null;
    Optional<ConsentLinks> consentLinks = encryptionKey.map(key -> new ConsentLinks(new ConsentState(key, clock),
        consentRedis.sync(), settings.endpoints(), settings.receiverPublicUrl()));
    this.engine = new SyncEngine(store, connectors, tokens,
        new KubernetesConflictReporter(client, new EventRecorder(client, clock), stream, clock), stream, clock,
        push.keeper(), consentLinks);
  }

  /** The engine without consent: rotated tokens are kept, but no consent links are offered. */
  public static SyncEngineAssembly start(EngineSettings settings, KubernetesClient client, Clock clock) {
    return new SyncEngineAssembly(settings, Optional.empty(), client, clock);
  }

  /**
   * The engine with consent: providers without a usable grant get a consent link, and {@link #connect} completes
   * consents.
   *
   * @param encryptionKey signs the links' state and opens the codes the receiver encrypted with the same key
   */
  public static SyncEngineAssembly start(EngineSettings settings, EncryptionKey encryptionKey, KubernetesClient client,
      Clock clock) {
    return new SyncEngineAssembly(settings, Optional.of(encryptionKey), client, clock);
  }

  /**
   * Connects the engine to the running operator: committed schedule changes wake the providers they concern, the
   * leader consumes push notifications and, with consent configured, completes consents; token refreshes are counted
   * in the operator's metrics.
   */
  public void connect(CalendarSyncOperator operator) {
    metrics = operator.metrics();
    listener = new ChangeNotificationListener(settings.store(), operator.scheduleChangeHandler());
    listener.start();
    push.start(operator);
    encryptionKey.ifPresent(key -> operator.runWhileLeading(new ConsentCodeConsumer(redis, new SecretBox(key), client,
        tokenEndpoint, tokenSecrets, new EventRecorder(client, clock), operator::wake, clock)));
  }

  private void countRefresh(Vendor vendor, RefreshResult result) {
    OperatorMetrics current = metrics;
    if (current != null) {
      current.tokenRefreshed(vendor.name(), result.label());
    }
  }

  /** Each vendor has its own quota, so each connector gets its own budget, shared by all of that vendor's providers. */
  private VendorCalls vendorCalls(AccessTokens tokens, Clock clock) {
    double rate = settings.vendorRequestsPerSecond();
    return new VendorCalls(tokens,
        new RequestBudget(rate, (int) Math.max(1, Math.ceil(rate * 2)), Duration.ofSeconds(30), clock, Sleeper.system()),
        new RetryPolicy(RetryPolicy.Limits.standard(), clock, Sleeper.system(), RandomGenerator.getDefault()));
  }

  public CalendarSync engine() {
    return engine;
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
    push.close();
    stream.close();
    if (consentRedis != null) {
      consentRedis.close();
    }
    redis.shutdown();
    dataSource.close();
  }
}
