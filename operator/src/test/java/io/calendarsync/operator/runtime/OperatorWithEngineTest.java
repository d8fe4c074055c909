package io.calendarsync.operator.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.CalendarSyncConflict;
import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.embedded.EmbeddedPostgresServer;
import io.calendarsync.emulators.embedded.EmbeddedRedisServer;
import io.calendarsync.emulators.google.GoogleCalendarEmulator;
import io.calendarsync.operator.config.EngineSettings;
import io.calendarsync.operator.config.OperatorConfig;
import io.calendarsync.operator.config.VendorEndpoints;
import io.calendarsync.operator.notify.RedisEventStream;
import io.calendarsync.operator.store.StoreConnectionSettings;
import io.calendarsync.operator.support.MockKubernetes;
import io.calendarsync.operator.support.Resources;
import io.fabric8.kubernetes.api.model.Event;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.calendarsync.operator.support.Resources.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator as main assembles it (engine, store, Redis stream, Google connector) against the mock API server,
 * embedded PostgreSQL and Redis, and the Google emulator: what a platform team sees through kubectl and SQL.
 */
class OperatorWithEngineTest {

  private static final String USER = "alice@example.com";
  private static MockKubernetes kubernetes;
  private static EmbeddedRedisServer redis;
  private static GoogleCalendarEmulator google;
  private static SyncEngineAssembly engine;
  private static CalendarSyncOperator operator;
  private static String jdbcUrl;

  @BeforeAll
  static void start() {
    kubernetes = new MockKubernetes();
    redis = EmbeddedRedisServer.start();
    google = GoogleCalendarEmulator.start(0, MutableClock.system());
    google.oauth().registerClient("client-123", Resources.CLIENT_SECRET_VALUE);
    google.calendars().createUser(USER, "Alice");
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
    jdbcUrl = postgres.createDatabase();
    engine = SyncEngineAssembly.start(new EngineSettings(
        new StoreConnectionSettings(jdbcUrl, postgres.user(), postgres.password()), redis.uri(),
        VendorEndpoints.emulated(google.baseUrl(), "http://127.0.0.1:9"), 50, Optional.empty()), kubernetes.client(),
        Clock.systemUTC());
    operator = CalendarSyncOperator.start(OperatorConfig.defaults().withHttpPort(0), kubernetes.client(),
        engine.engine(), Clock.systemUTC());
    engine.connect(operator);
  }

  @AfterAll
  static void stop() {
    operator.close();
    engine.close();
    google.close();
    redis.close();
    kubernetes.close();
  }

  private static void sql(String statement) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.shared().user(),
        EmbeddedPostgresServer.shared().password()); Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }

  private static String sqlText(String query) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.shared().user(),
        EmbeddedPostgresServer.shared().password()); Statement s = connection.createStatement();
         ResultSet rows = s.executeQuery(query)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  @Test
  void aPlatformEntryReachesTheCalendarOnItsNotificationAndAConflictIsResolvedWithKubectlPatch() throws Exception {
    String refreshToken = google.oauth().issueGrant("client-123", USER, "https://www.googleapis.com/auth/calendar");
    kubernetes.client().resource(Resources.tenantNamespace("acme", "acme")).create();
    kubernetes.client().resource(Resources.credentials("acme", "alice-google", Map.of("client-id", "client-123",
        "client-secret", Resources.CLIENT_SECRET_VALUE, "refresh-token", refreshToken))).create();
    CalendarProvider provider = Resources.provider("acme", "alice-google", "acme", "alice-google");
    // A day between safety-net syncs: only the database's notification can explain a prompt sync.
    provider.getSpec().setSyncInterval("24h");
    kubernetes.client().resource(provider).create();
    await().atMost(Duration.ofSeconds(30)).until(() -> condition(kubernetes.client().resources(CalendarProvider.class)
        .inNamespace("acme").withName("alice-google").get(), "Ready").map(c -> c.getStatus().equals("True")).orElse(false));

    sql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at, time_zone, assignees)"
        + " VALUES ('acme', 'visit-9', 'Boiler service', now() + interval '1 day', now() + interval '1 day 1 hour',"
        + " 'Europe/Berlin', '{alice}')");

    await().atMost(Duration.ofSeconds(30)).until(() -> google.calendars().events(USER, "primary").size() == 1);
    String eventId = google.calendars().events(USER, "primary").get(0).path("id").asText();
    assertThat(google.calendars().events(USER, "primary").get(0).path("summary").asText()).isEqualTo("Boiler service");

    // Both sides change before the next sync: the Manual policy must surface it, not pick a side.
    google.calendars().updateEvent(USER, "primary", eventId,
        JsonNodeFactory.instance.objectNode().put("summary", "Boiler service (moved by Alice)"));
    sql("UPDATE calendar_sync.schedule_entries SET title = 'Boiler service + filter' WHERE entry_id = 'visit-9'");

    await().atMost(Duration.ofSeconds(30)).until(() -> !kubernetes.client().resources(CalendarSyncConflict.class)
        .inNamespace("acme").list().getItems().isEmpty());
    CalendarSyncConflict conflict = kubernetes.client().resources(CalendarSyncConflict.class).inNamespace("acme")
        .list().getItems().get(0);
    assertThat(conflict.getSpec().getEntryId()).isEqualTo("visit-9");
    assertThat(conflict.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getName()).isEqualTo("alice-google"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      CalendarSyncConflict current = kubernetes.client().resources(CalendarSyncConflict.class).inNamespace("acme")
          .withName(conflict.getMetadata().getName()).get();
      assertThat(current.getStatus().getInternal().getTitle()).isEqualTo("Boiler service + filter");
      assertThat(current.getStatus().getExternal().getTitle()).isEqualTo("Boiler service (moved by Alice)");
    });
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      CalendarProvider p = kubernetes.client().resources(CalendarProvider.class).inNamespace("acme")
          .withName("alice-google").get();
      assertThat(p.getStatus().getOpenConflicts()).isEqualTo(1);
      assertThat(condition(p, "Conflict").orElseThrow().getStatus()).isEqualTo("True");
    });
    assertThat(kubernetes.client().v1().events().inNamespace("acme").list().getItems())
        .extracting(Event::getReason).contains("ConflictDetected");
    try (RedisClient client = RedisClient.create(redis.uri()); var connection = client.connect()) {
      assertThat(connection.sync().xrange(RedisEventStream.STREAM, io.lettuce.core.Range.create("-", "+")))
          .anySatisfy(m -> assertThat(m.getBody()).containsEntry("type", "CALENDAR_CONFLICT_DETECTED")
              .containsEntry("entryId", "visit-9"));
    }
    assertThat(sqlText("SELECT title FROM calendar_sync.schedule_entries WHERE entry_id = 'visit-9'"))
        .isEqualTo("Boiler service + filter");

    kubernetes.client().resources(CalendarSyncConflict.class).inNamespace("acme")
        .withName(conflict.getMetadata().getName()).edit(c -> {
          c.getSpec().setResolution(ConflictResolution.KeepExternal);
          return c;
        });

    await().atMost(Duration.ofSeconds(30)).until(() -> kubernetes.client().resources(CalendarSyncConflict.class)
        .inNamespace("acme").list().getItems().isEmpty());
    assertThat(sqlText("SELECT title FROM calendar_sync.schedule_entries WHERE entry_id = 'visit-9'"))
        .isEqualTo("Boiler service (moved by Alice)");
    assertThat(google.calendars().events(USER, "primary")).hasSize(1);
  }
}
