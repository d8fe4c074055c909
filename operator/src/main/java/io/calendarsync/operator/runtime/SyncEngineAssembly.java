package io.calendarsync.operator.runtime;

import com.zaxxer.hikari.HikariDataSource;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.operator.config.EngineSettings;
import io.calendarsync.operator.conflict.KubernetesConflictReporter;
import io.calendarsync.operator.engine.SyncEngine;
import io.calendarsync.operator.events.EventRecorder;
import io.calendarsync.operator.notify.RedisEventStream;
import io.calendarsync.operator.oauth.AccessTokens;
import io.calendarsync.operator.oauth.TokenEndpointClient;
import io.calendarsync.operator.push.PushAssembly;
import io.calendarsync.operator.store.ChangeNotificationHandler;
import io.calendarsync.operator.store.ChangeNotificationListener;
import io.calendarsync.operator.store.SchemaMigrator;
import io.calendarsync.operator.store.Store;
import io.calendarsync.operator.store.StoreDataSource;
import io.calendarsync.operator.sync.CalendarSync;
import io.calendarsync.operator.vendor.VendorConnector;
import io.calendarsync.operator.vendor.google.GoogleConnector;
import io.calendarsync.operator.vendor.microsoft.MicrosoftConnector;
import io.calendarsync.operator.vendor.http.RequestBudget;
import io.calendarsync.operator.vendor.http.RetryPolicy;
import io.calendarsync.operator.vendor.http.Sleeper;
import io.calendarsync.operator.vendor.http.VendorCalls;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.lettuce.core.RedisClient;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The sync engine assembled with its real collaborators: the schedule database (migrated on start), the Redis event
 * stream, access tokens, one connector per vendor with its own request budget, conflicts reported to Kubernetes, and
 * push channels with their notification consumer.
 */
public final class SyncEngineAssembly implements AutoCloseable {

  private final EngineSettings settings;
  private final HikariDataSource dataSource;
  private final RedisClient redis;
  private final RedisEventStream stream;
  private final SyncEngine engine;
  private final PushAssembly push;
  private ChangeNotificationListener listener;

  private SyncEngineAssembly(EngineSettings settings, KubernetesClient client, Clock clock) {
    this.settings = settings;
    // A sync holds its provider's lock connection and borrows a second one for pooled reads: two per reconcile thread
    // (10 by default). At one each, ten concurrent syncs waited on each other until the pool's timeout.
    this.dataSource = StoreDataSource.create(settings.store(), 20);
    new SchemaMigrator(dataSource).migrate();
    this.redis = RedisClient.create(settings.redisUri());
    this.stream = new RedisEventStream(redis, clock);
    AccessTokens tokens = new AccessTokens(new TokenEndpointClient(settings.endpoints(), HttpClient.newHttpClient(), clock),
        clock);
    Map<Vendor, VendorConnector> connectors = new EnumMap<>(Vendor.class);
    GoogleConnector google = new GoogleConnector(settings.endpoints(), vendorCalls(tokens, clock), clock);
    MicrosoftConnector microsoft = new MicrosoftConnector(settings.endpoints(), vendorCalls(tokens, clock), clock);
    connectors.put(Vendor.Google, google);
    connectors.put(Vendor.Microsoft, microsoft);
    Store store = new Store(dataSource);
    this.push = new PushAssembly(settings.receiverPublicUrl()
        .map(url -> Map.of(VendorName.GOOGLE, google.pushChannels(url), VendorName.MICROSOFT, microsoft.pushChannels(url)))
        .orElse(Map.of()), store.pushChannels(), redis, settings.redisUri(), settings.pushRenewalLead(), client, clock);
    this.engine = new SyncEngine(store, connectors, tokens,
        new KubernetesConflictReporter(client, new EventRecorder(client, clock), stream, clock), stream, clock,
        push.keeper());
  }

  public static SyncEngineAssembly start(EngineSettings settings, KubernetesClient client, Clock clock) {
    return new SyncEngineAssembly(settings, client, clock);
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

  /** Starts listening for committed schedule changes; {@code handler} wakes the providers they concern. */
  public void listenForChanges(ChangeNotificationHandler handler) {
    listener = new ChangeNotificationListener(settings.store(), handler);
    listener.start();
  }

  /** Starts consuming push notifications (in the leader): they wake the providers of {@code operator}. */
  public void consumeNotifications(CalendarSyncOperator operator) {
    push.start(operator);
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
    push.close();
    stream.close();
    redis.shutdown();
    dataSource.close();
  }
}
