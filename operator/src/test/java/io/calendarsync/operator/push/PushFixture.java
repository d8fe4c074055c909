package io.calendarsync.operator.push;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.api.redis.ChannelRegistration;
import io.calendarsync.api.redis.ChannelRegistrationCodec;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.MetadataKeys;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.embedded.EmbeddedPostgresServer;
import io.calendarsync.emulators.embedded.EmbeddedRedisServer;
import io.calendarsync.emulators.google.GoogleCalendarEmulator;
import io.calendarsync.emulators.google.GoogleChannels;
import io.calendarsync.emulators.microsoft.GraphEmulator;
import io.calendarsync.emulators.microsoft.GraphSubscription;
import io.calendarsync.operator.config.EngineSettings;
import io.calendarsync.operator.config.OperatorConfig;
import io.calendarsync.operator.config.VendorEndpoints;
import io.calendarsync.operator.runtime.CalendarSyncOperator;
import io.calendarsync.operator.runtime.SyncEngineAssembly;
import io.calendarsync.operator.store.StoreConnectionSettings;
import io.calendarsync.operator.support.MockKubernetes;
import io.calendarsync.operator.support.Resources;
import io.calendarsync.receiver.WebhookReceiver;
import io.calendarsync.receiver.config.ReceiverConfig;
import io.fabric8.kubernetes.api.model.Condition;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static io.calendarsync.operator.support.Resources.condition;
import static org.awaitility.Awaitility.await;

/**
 * The whole push path on one machine, every part real: the Google and Graph emulators pushing over HTTP to the real
 * webhook receiver, embedded Redis between it and the operator, the operator as main assembles it (engine, channel
 * lifecycle, notification consumer) against the mock API server and embedded PostgreSQL. One {@link MutableClock} is
 * the time of the vendors, the receiver and the operator, so channel expiry can be reached in simulated time.
 */
public final class PushFixture implements AutoCloseable {

  public static final String GOOGLE_CLIENT = "client-123";
  public static final String GRAPH_CLIENT = "0b6f2a9c-1111-4000-8000-00000000c11e";
  public static final String TENANT = "acme";
  private static final AtomicInteger NAMES = new AtomicInteger();

  public final MutableClock clock = MutableClock.system();
  public final MockKubernetes kubernetes = new MockKubernetes();
  public final EmbeddedRedisServer redis = EmbeddedRedisServer.start();
  public final GoogleCalendarEmulator google = GoogleCalendarEmulator.start(0, clock);
  public final GraphEmulator graph = GraphEmulator.start(0, clock);
  public final WebhookReceiver receiver;
  public final String jdbcUrl;
  public final SyncEngineAssembly engine;
  public final CalendarSyncOperator operator;
  private final RedisClient redisClient;
  private StatefulRedisConnection<String, String> redisConnection;

  public PushFixture() throws Exception {
    google.oauth().registerClient(GOOGLE_CLIENT, Resources.CLIENT_SECRET_VALUE);
    graph.oauth().registerClient(GRAPH_CLIENT, Resources.CLIENT_SECRET_VALUE);
    receiver = WebhookReceiver.start(new ReceiverConfig(redis.uri(), EncryptionKey.fromBase64(randomKey()), 0, 0, null,
        ReceiverConfig.DEFAULT_REDIS_TIMEOUT), clock);
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
    jdbcUrl = postgres.createDatabase();
    engine = SyncEngineAssembly.start(new EngineSettings(
        new StoreConnectionSettings(jdbcUrl, postgres.user(), postgres.password()), redis.uri(),
        VendorEndpoints.emulated(google.baseUrl(), graph.baseUrl()), 1000,
        Optional.of(URI.create("http://127.0.0.1:" + receiver.port())), EngineSettings.DEFAULT_PUSH_RENEWAL_LEAD),
        kubernetes.client(), clock);
    operator = CalendarSyncOperator.start(OperatorConfig.defaults().withHttpPort(0), kubernetes.client(),
        engine.engine(), clock);
    engine.connect(operator);
    redisClient = RedisClient.create(redis.uri());
  }

  /** A new provider with push on, once its channel is live. */
  public CalendarProvider livePushProvider(Vendor vendor) {
    CalendarProvider provider = provider(vendor);
    awaitWebhook(provider, "True", "ChannelActive");
    return provider;
  }

  /** A provider in a namespace of its own, for a new user with a grant, polled only once a day. */
  public CalendarProvider provider(Vendor vendor) {
    String name = "p" + NAMES.incrementAndGet();
    String user = name + (vendor == Vendor.Google ? "@example.com" : "@contoso.example");
    kubernetes.client().resource(Resources.tenantNamespace(name, TENANT)).create();
    String refreshToken;
    Map<String, String> secret;
    if (vendor == Vendor.Google) {
      google.calendars().createUser(user, name);
      refreshToken = google.oauth().issueGrant(GOOGLE_CLIENT, user, "https://www.googleapis.com/auth/calendar");
      secret = Map.of("client-id", GOOGLE_CLIENT, "client-secret", Resources.CLIENT_SECRET_VALUE,
          "refresh-token", refreshToken);
    } else {
      graph.calendars().createUser(user, name);
      refreshToken = graph.oauth().issueGrant(GRAPH_CLIENT, user,
          "offline_access https://graph.microsoft.com/Calendars.ReadWrite");
      secret = Map.of("client-id", GRAPH_CLIENT, "client-secret", Resources.CLIENT_SECRET_VALUE,
          "refresh-token", refreshToken, "tenant-id", GraphEmulator.TENANT_ID);
    }
    kubernetes.client().resource(Resources.credentials(name, name, secret)).create();
    CalendarProvider provider = Resources.provider(name, name, TENANT, name);
    provider.getSpec().setVendor(vendor);
    provider.getSpec().setCalendarId(vendor == Vendor.Google ? "primary" : "calendar");
    provider.getSpec().setUserId(name);
    provider.getSpec().setSyncInterval("24h");
    return kubernetes.client().resource(provider).create();
  }

  /** The provider's user at the vendor. */
  public static String user(CalendarProvider provider) {
    return provider.getMetadata().getName()
        + (provider.getSpec().getVendor() == Vendor.Google ? "@example.com" : "@contoso.example");
  }

  public CalendarProvider get(CalendarProvider provider) {
    return kubernetes.client().resources(CalendarProvider.class).inNamespace(provider.getMetadata().getNamespace())
        .withName(provider.getMetadata().getName()).get();
  }

  public Optional<Condition> webhook(CalendarProvider provider) {
    return condition(get(provider), "WebhookActive");
  }

  /** Waits until WebhookActive has {@code reason}. */
  public void awaitWebhook(CalendarProvider provider, String status, String reason) {
    await().atMost(Duration.ofSeconds(30)).until(() -> webhook(provider)
        .map(c -> c.getStatus().equals(status) && c.getReason().equals(reason)).orElse(false));
  }

  /** Sync Now, as a person does it with kubectl annotate, and waits until the operator handled it. */
  public void syncNow(CalendarProvider provider) {
    String value = Instant.now().toString() + "-" + NAMES.incrementAndGet();
    kubernetes.client().resources(CalendarProvider.class).inNamespace(provider.getMetadata().getNamespace())
        .withName(provider.getMetadata().getName()).edit(p -> {
          p.getMetadata().getAnnotations().put(MetadataKeys.SYNC_REQUESTED_AT, value);
          return p;
        });
    await().atMost(Duration.ofSeconds(30)).until(() -> value.equals(get(provider).getStatus()
        .getLastHandledSyncRequest()));
  }

  public void edit(CalendarProvider provider, Consumer<CalendarProvider> change) {
    kubernetes.client().resources(CalendarProvider.class).inNamespace(provider.getMetadata().getNamespace())
        .withName(provider.getMetadata().getName()).edit(p -> {
          change.accept(p);
          return p;
        });
  }

  public String googleChannelAddress() {
    return "http://127.0.0.1:" + receiver.port() + "/webhooks/google";
  }

  public static String key(CalendarProvider provider) {
    return provider.getMetadata().getNamespace() + "/" + provider.getMetadata().getName();
  }

  /** The Google channels live in the emulator for this provider's calendar. */
  public List<String> googleChannels(CalendarProvider provider) {
    return google.channels().channels().stream().filter(c -> c.owner().equalsIgnoreCase(user(provider)))
        .map(GoogleChannels.Channel::id).toList();
  }

  /** The Graph subscriptions live in the emulator for this provider's mailbox. */
  public List<GraphSubscription> subscriptions(CalendarProvider provider) {
    String userId = graph.calendars().users().stream().filter(u -> u.email().equalsIgnoreCase(user(provider)))
        .findFirst().orElseThrow().id();
    return graph.subscriptions().subscriptions().stream().filter(s -> s.userId().equals(userId)).toList();
  }

  /** The registry entry of a channel, as the receiver reads it. */
  public Optional<ChannelRegistration> registration(VendorName vendor, String channelId) {
    return ChannelRegistrationCodec.decode(vendor, channelId, redis().hgetall(RedisKeys.channel(vendor, channelId)));
  }

  public synchronized RedisCommands<String, String> redis() {
    if (redisConnection == null) {
      redisConnection = redisClient.connect();
    }
    return redisConnection.sync();
  }

  public ObjectNode googleEvent(String title) {
    ObjectNode event = JsonNodeFactory.instance.objectNode().put("summary", title);
    Instant start = clock.instant().plus(Duration.ofDays(1));
    event.putObject("start").put("dateTime", start.toString());
    event.putObject("end").put("dateTime", start.plus(Duration.ofHours(1)).toString());
    return event;
  }

  public ObjectNode graphEvent(String title) {
    ObjectNode event = JsonNodeFactory.instance.objectNode().put("subject", title);
    Instant start = clock.instant().plus(Duration.ofDays(1));
    event.putObject("start").put("dateTime", start.toString().replace("Z", "")).put("timeZone", "UTC");
    event.putObject("end").put("dateTime", start.plus(Duration.ofHours(1)).toString().replace("Z", ""))
        .put("timeZone", "UTC");
    return event;
  }

  /** Whether the platform's schedule holds an entry titled {@code title}. */
  public boolean scheduleHas(String title) throws Exception {
    return count("SELECT count(*) FROM calendar_sync.schedule_entries WHERE title = '" + title + "'") > 0;
  }

  public long count(String query) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.shared().user(),
        EmbeddedPostgresServer.shared().password()); Statement s = connection.createStatement();
         ResultSet rows = s.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Syncs this operator finished, for the vendor; every provider of a test class shares the meter. */
  public double syncs(Vendor vendor) {
    var counter = operator.registry().find("calendarsync_syncs").tag("vendor", vendor.name())
        .tag("result", "Succeeded").counter();
    return counter == null ? 0 : counter.count();
  }

  public double renewals(VendorName vendor, String result) {
    var counter = operator.registry().find("calendarsync_push_channel_renewals").tag("vendor", vendor.wireName())
        .tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  public void delete(CalendarProvider provider) {
    kubernetes.client().resource(get(provider)).delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> get(provider) == null);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  @Override
  public void close() throws Exception {
    if (redisConnection != null) {
      redisConnection.close();
    }
    redisClient.shutdown();
    operator.close();
    engine.close();
    receiver.close();
    graph.close();
    google.close();
    redis.close();
    kubernetes.close();
  }
}
