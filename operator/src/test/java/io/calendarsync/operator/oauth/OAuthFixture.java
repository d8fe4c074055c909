package io.calendarsync.operator.oauth;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.MetadataKeys;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.embedded.EmbeddedPostgresServer;
import io.calendarsync.emulators.embedded.EmbeddedRedisServer;
import io.calendarsync.emulators.google.GoogleCalendarEmulator;
import io.calendarsync.emulators.microsoft.GraphEmulator;
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
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Everything OAuth upkeep and consent touch, real: the operator as main assembles it (with the encryption key and
 * the receiver's public URL) against the mock API server, embedded PostgreSQL and Redis, both vendor emulators on
 * one simulated clock, and the real webhook receiver sharing the operator's key. The operator can be restarted (a
 * new instance, as after a pod restart). Every log line of the JVM is captured, so tests can prove no secret leaked.
 */
final class OAuthFixture implements AutoCloseable {

  static final String CLIENT_ID = "client-123";
  static final String GOOGLE_USER = "alice@example.com";
  static final String OUTLOOK_USER = "bob@example.com";
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  final MutableClock clock = MutableClock.system();
  final MockKubernetes kubernetes = new MockKubernetes();
  final EmbeddedRedisServer redis = EmbeddedRedisServer.start();
  final GoogleCalendarEmulator google = GoogleCalendarEmulator.start(0, clock);
  final GraphEmulator graph = GraphEmulator.start(0, clock);
  final EncryptionKey key = EncryptionKey.fromBase64(randomKey());
  final WebhookReceiver receiver;
  final URI receiverUrl;
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final StoreConnectionSettings store;
  private SyncEngineAssembly engine;
  CalendarSyncOperator operator;

  OAuthFixture() throws Exception {
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    google.oauth().registerClient(CLIENT_ID, Resources.CLIENT_SECRET_VALUE);
    google.calendars().createUser(GOOGLE_USER, "Alice");
    graph.oauth().registerClient(CLIENT_ID, Resources.CLIENT_SECRET_VALUE);
    graph.calendars().createUser(OUTLOOK_USER, "Bob");
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
    store = new StoreConnectionSettings(postgres.createDatabase(), postgres.user(), postgres.password());
    receiver = WebhookReceiver.start(new ReceiverConfig(redis.uri(), key, 0, 0, null,
        ReceiverConfig.DEFAULT_REDIS_TIMEOUT), clock);
    receiverUrl = URI.create("http://127.0.0.1:" + receiver.port());
    startOperator();
  }

  /** Starts the operator (again): a new engine and operator instance with nothing in memory. */
  void startOperator() {
    engine = SyncEngineAssembly.start(new EngineSettings(store, redis.uri(),
        VendorEndpoints.emulated(google.baseUrl(), graph.baseUrl()), 50, Optional.of(receiverUrl)), key,
        kubernetes.client(), clock);
    operator = CalendarSyncOperator.start(OperatorConfig.defaults().withHttpPort(0), kubernetes.client(),
        engine.engine(), clock);
    engine.connect(operator);
  }

  void stopOperator() {
    operator.close();
    engine.close();
  }

  KubernetesClient client() {
    return kubernetes.client();
  }

  /** A fresh tenant namespace (tenant {@code acme}), so tests sharing the fixture never see each other. */
  String newNamespace() {
    String name = "oauth-" + NAMESPACES.incrementAndGet();
    client().resource(Resources.tenantNamespace(name, "acme")).create();
    return name;
  }

  /** The person's credentials Secret; {@code refreshToken} may be null (consent will provide one). */
  Secret createCredentials(String namespace, String name, Vendor vendor, String refreshToken) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    values.put("client-id", CLIENT_ID);
    values.put("client-secret", Resources.CLIENT_SECRET_VALUE);
    if (vendor == Vendor.Microsoft) {
      values.put("tenant-id", GraphEmulator.TENANT_ID);
    }
    if (refreshToken != null) {
      values.put("refresh-token", refreshToken);
    }
    return client().resource(Resources.credentials(namespace, name, values)).create();
  }

  CalendarProvider createProvider(String namespace, String name, Vendor vendor) {
    CalendarProvider provider = Resources.provider(namespace, name, "acme", name);
    provider.getSpec().setVendor(vendor);
    provider.getSpec().setCalendarId(vendor == Vendor.Microsoft ? "calendar" : "primary");
    provider.getSpec().setUserId(vendor == Vendor.Microsoft ? "bob" : "alice");
    // A day between safety-net syncs: every sync in these tests has a cause the test gives.
    provider.getSpec().setSyncInterval("24h");
    return client().resource(provider).create();
  }

  CalendarProvider get(String namespace, String name) {
    return client().resources(CalendarProvider.class).inNamespace(namespace).withName(name).get();
  }

  Secret secret(String namespace, String name) {
    return client().secrets().inNamespace(namespace).withName(name).get();
  }

  static String value(Secret secret, String key) {
    String encoded = secret.getData().get(key);
    return encoded == null ? null : new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  void awaitCondition(String namespace, String name, String type, String status, String reason) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Resources.condition(get(namespace, name), type))
        .hasValueSatisfying(c -> {
          assertThat(c.getStatus()).isEqualTo(status);
          assertThat(c.getReason()).isEqualTo(reason);
        }));
  }

  /** Asks for a sync the way a person does (Sync Now), and waits until the operator handled it. */
  void syncNow(String namespace, String name) {
    String value = "sync-" + System.nanoTime();
    client().resources(CalendarProvider.class).inNamespace(namespace).withName(name).edit(p -> {
      if (p.getMetadata().getAnnotations() == null) {
        p.getMetadata().setAnnotations(new java.util.HashMap<>());
      }
      p.getMetadata().getAnnotations().put(MetadataKeys.SYNC_REQUESTED_AT, value);
      return p;
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> value.equals(get(namespace, name).getStatus()
        .getLastHandledSyncRequest()));
  }

  /** Everything a person or another program could read about the provider: status and Events, as JSON. */
  String everythingShown(String namespace, String name) {
    List<Event> events = client().v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    return Serialization.asJson(get(namespace, name).getStatus()) + Serialization.asJson(events);
  }

  /** Every captured log line with its stack trace. */
  String capturedLogs() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(logs.list)) {
      lines.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
    return String.join("\n", lines);
  }

  @Override
  public void close() throws Exception {
    stopOperator();
    receiver.close();
    google.close();
    graph.close();
    redis.close();
    kubernetes.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
  }

  private static String randomKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
