package io.calendarsync.operator.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.CalendarProviderSpec;
import io.calendarsync.api.v1alpha1.ConflictPolicy;
import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.api.v1alpha1.SyncDirection;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.embedded.EmbeddedPostgresServer;
import io.calendarsync.emulators.embedded.EmbeddedRedisServer;
import io.calendarsync.emulators.google.GoogleCalendarEmulator;
import io.calendarsync.operator.config.EngineSettings;
import io.calendarsync.operator.config.OperatorConfig;
import io.calendarsync.operator.config.VendorEndpoints;
import io.calendarsync.operator.engine.ConflictReporter;
import io.calendarsync.operator.engine.DetectedConflict;
import io.calendarsync.operator.engine.SyncEngine;
import io.calendarsync.operator.oauth.AccessTokens;
import io.calendarsync.operator.oauth.TokenEndpointClient;
import io.calendarsync.operator.runtime.CalendarSyncOperator;
import io.calendarsync.operator.runtime.SyncEngineAssembly;
import io.calendarsync.operator.store.SchemaMigrator;
import io.calendarsync.operator.store.Store;
import io.calendarsync.operator.store.StoreConnectionSettings;
import io.calendarsync.operator.store.StoreDataSource;
import io.calendarsync.operator.support.MockKubernetes;
import io.calendarsync.operator.support.Resources;
import io.calendarsync.operator.sync.ProviderCredentials;
import io.calendarsync.operator.sync.SyncResult;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.google.GoogleConnector;
import io.calendarsync.operator.vendor.http.RequestBudget;
import io.calendarsync.operator.vendor.http.RetryPolicy;
import io.calendarsync.operator.vendor.http.Sleeper;
import io.calendarsync.operator.vendor.http.VendorCalls;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sync engine throughput on Google (real adapter and client library, Google emulator, embedded PostgreSQL): initial
 * import and export of N events next to a plain JDBC batch insert (the ceiling), vendor calls of incremental syncs next
 * to their lower bound, and the latency from a committed platform edit (NOTIFY) to the vendor write. See
 * docs/benchmarks.md for the command.
 */
public final class SyncBenchmark {

  private static final String USER = "alice@example.com";
  private static final String CLIENT = "bench-client";
  private static final String SECRET = "bench-secret";
  private static final Instant BASE = Instant.parse("2026-12-01T08:00:00Z");

  private SyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    System.out.printf("machine: %d cores, max heap %d MiB, java %s; %d events%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), size);
    try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
      ceiling(postgres, size);
      importAndIncremental(postgres, size);
      export(postgres, size);
      notifyToVendorLatency(postgres, 200);
    }
  }

  private static void ceiling(EmbeddedPostgresServer postgres, int size) throws Exception {
    StoreConnectionSettings settings = database(postgres);
    try (Connection connection = connect(settings)) {
      connection.setAutoCommit(false);
      long started = System.nanoTime();
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO calendar_sync.schedule_entries"
          + " (tenant, entry_id, title, starts_at, ends_at, time_zone, assignees) VALUES ('acme', ?, ?, ?, ?, 'UTC', '{alice}')")) {
        for (int i = 0; i < size; i++) {
          insert.setString(1, "ceiling-" + i);
          insert.setString(2, "Event " + i);
          insert.setTimestamp(3, Timestamp.from(BASE.plus(Duration.ofHours(i))));
          insert.setTimestamp(4, Timestamp.from(BASE.plus(Duration.ofHours(i)).plus(Duration.ofMinutes(30))));
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
      report("JDBC batch insert (ceiling)", size, System.nanoTime() - started);
    }
  }

  private static void importAndIncremental(EmbeddedPostgresServer postgres, int size) throws Exception {
    try (GoogleCalendarEmulator google = emulator()) {
      for (int i = 0; i < size; i++) {
        google.calendars().createEvent(USER, "primary", event("Imported " + i, BASE.plus(Duration.ofHours(i))));
      }
      Engine engine = new Engine(google, database(postgres));
      SyncTarget target = engine.target(SyncDirection.Bidirectional);
      long started = System.nanoTime();
      SyncResult result = engine.engine.sync(target);
      report("import " + result.counts().getCreatedInternal() + " calendar events into the schedule", size,
          System.nanoTime() - started);

      List<ObjectNode> events = google.calendars().events(USER, "primary");
      for (int changes : new int[] {1, 10, 100}) {
        for (int i = 0; i < changes; i++) {
          google.calendars().updateEvent(USER, "primary", events.get(i).path("id").asText(),
              JsonNodeFactory.instance.objectNode().put("summary", "Edited " + changes + "-" + i));
        }
        google.requests().reset();
        SyncResult incremental = engine.engine.sync(target);
        long calls = google.requests().total();
        long writes = writes(google);
        System.out.printf("| incremental, %d calendar edits | %d vendor calls (%d writes) | lower bound %d (1 list page, 0 writes) | updated %d entries |%n",
            changes, calls, writes, 1, incremental.counts().getUpdatedInternal());
      }
      for (int changes : new int[] {1, 10, 100}) {
        try (Connection connection = connect(engine.settings); Statement statement = connection.createStatement()) {
          statement.execute("UPDATE calendar_sync.schedule_entries SET title = title || ' (platform)'"
              + " WHERE entry_id IN (SELECT entry_id FROM calendar_sync.schedule_entries WHERE tenant = 'acme'"
              + " AND entry_id LIKE 'ext-%' ORDER BY entry_id LIMIT " + changes + ")");
        }
        google.requests().reset();
        SyncResult outbound = engine.engine.sync(target);
        long calls = google.requests().total();
        long writes = writes(google);
        google.requests().reset();
        engine.engine.sync(target);
        System.out.printf("| incremental, %d platform edits | %d vendor calls (%d writes) | lower bound %d (1 list page + %d writes) | echo sync after it: %d calls, %d writes |%n",
            changes, calls, writes, 1 + changes, changes, google.requests().total(), writes(google));
      }
    }
  }

  private static void export(EmbeddedPostgresServer postgres, int size) throws Exception {
    try (GoogleCalendarEmulator google = emulator()) {
      Engine engine = new Engine(google, database(postgres));
      try (Connection connection = connect(engine.settings);
           PreparedStatement insert = connection.prepareStatement("INSERT INTO calendar_sync.schedule_entries"
               + " (tenant, entry_id, title, starts_at, ends_at, time_zone, assignees)"
               + " VALUES ('acme', ?, ?, ?, ?, 'Europe/Berlin', '{alice}')")) {
        connection.setAutoCommit(false);
        for (int i = 0; i < size; i++) {
          insert.setString(1, "export-" + i);
          insert.setString(2, "Visit " + i);
          insert.setTimestamp(3, Timestamp.from(BASE.plus(Duration.ofHours(i))));
          insert.setTimestamp(4, Timestamp.from(BASE.plus(Duration.ofHours(i)).plus(Duration.ofMinutes(45))));
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      }
      long started = System.nanoTime();
      SyncResult result = engine.engine.sync(engine.target(SyncDirection.ToExternal));
      report("export " + result.counts().getCreatedExternal() + " schedule entries to the calendar", size,
          System.nanoTime() - started);
    }
  }

  private static void notifyToVendorLatency(EmbeddedPostgresServer postgres, int samples) throws Exception {
    StoreConnectionSettings settings = database(postgres);
    try (GoogleCalendarEmulator google = emulator(); MockKubernetes kubernetes = new MockKubernetes();
         EmbeddedRedisServer redis = EmbeddedRedisServer.start()) {
      String refreshToken = google.oauth().issueGrant(CLIENT, USER, "https://www.googleapis.com/auth/calendar");
      SyncEngineAssembly assembly = SyncEngineAssembly.start(new EngineSettings(settings, redis.uri(),
          VendorEndpoints.emulated(google.baseUrl(), "http://127.0.0.1:9"), 1000, Optional.empty()), kubernetes.client(),
          Clock.systemUTC());
      CalendarSyncOperator operator = CalendarSyncOperator.start(OperatorConfig.defaults().withHttpPort(0),
          kubernetes.client(), assembly.engine(), Clock.systemUTC());
      assembly.listenForChanges(operator.scheduleChangeHandler());
      kubernetes.client().resource(Resources.tenantNamespace("acme", "acme")).create();
      kubernetes.client().resource(Resources.credentials("acme", "creds", Map.of("client-id", CLIENT,
          "client-secret", SECRET, "refresh-token", refreshToken))).create();
      CalendarProvider provider = Resources.provider("acme", "alice-google", "acme", "creds");
      provider.getSpec().setSyncInterval("24h");
      kubernetes.client().resource(provider).create();
      while (!Resources.condition(kubernetes.client().resources(CalendarProvider.class).inNamespace("acme")
          .withName("alice-google").get(), "Ready").map(c -> "True".equals(c.getStatus())).orElse(false)) {
        Thread.sleep(50);
      }
      List<Long> latencies = new ArrayList<>();
      try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
        for (int i = 0; i < samples; i++) {
          statement.execute("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at,"
              + " time_zone, assignees) VALUES ('acme', 'lat-" + i + "', 'Latency " + i + "', now() + interval '1 day',"
              + " now() + interval '1 day 1 hour', 'UTC', '{alice}')");
          long committed = System.currentTimeMillis();
          String title = "Latency " + i;
          // The vendor's own creation time is the moment of the write; polling gently keeps the emulator unhindered.
          Optional<ObjectNode> written = Optional.empty();
          while (written.isEmpty()) {
            Thread.sleep(2);
            written = google.calendars().events(USER, "primary").stream()
                .filter(e -> e.path("summary").asText().equals(title)).findFirst();
          }
          latencies.add((Instant.parse(written.get().path("created").asText()).toEpochMilli() - committed) * 1_000_000L);
        }
      }
      operator.close();
      assembly.close();
      latencies.sort(Long::compare);
      System.out.printf("| platform edit to vendor write (NOTIFY → emulator), %d edits one at a time | p50 %.1f ms | p99 %.1f ms | max %.1f ms |%n",
          samples, latencies.get(samples / 2) / 1e6, latencies.get((int) Math.ceil(samples * 0.99) - 1) / 1e6,
          latencies.get(samples - 1) / 1e6);
    }
  }

  private static GoogleCalendarEmulator emulator() {
    GoogleCalendarEmulator google = GoogleCalendarEmulator.start(0, MutableClock.system());
    google.oauth().registerClient(CLIENT, SECRET);
    google.calendars().createUser(USER, "Alice");
    return google;
  }

  private static ObjectNode event(String title, Instant start) {
    ObjectNode event = JsonNodeFactory.instance.objectNode().put("summary", title);
    event.putObject("start").put("dateTime", start.toString()).put("timeZone", "UTC");
    event.putObject("end").put("dateTime", start.plus(Duration.ofMinutes(30)).toString()).put("timeZone", "UTC");
    return event;
  }

  private static long writes(GoogleCalendarEmulator google) {
    return google.requests().snapshot().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("GET") && e.getKey().contains("/calendar/v3/"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  private static StoreConnectionSettings database(EmbeddedPostgresServer postgres) {
    StoreConnectionSettings settings = new StoreConnectionSettings(postgres.createDatabase(), postgres.user(),
        postgres.password());
    try (var dataSource = StoreDataSource.create(settings, 2)) {
      new SchemaMigrator(dataSource).migrate();
    }
    return settings;
  }

  private static Connection connect(StoreConnectionSettings settings) throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }

  private static void report(String what, int size, long nanos) {
    System.out.printf("| %s | %.1f s | %.0f events/s |%n", what, nanos / 1e9, size / (nanos / 1e9));
  }

  /** The engine as the operator assembles it, without Kubernetes (the benchmark makes no conflicts). */
  private static final class Engine {
    final StoreConnectionSettings settings;
    final SyncEngine engine;
    final String refreshToken;

    Engine(GoogleCalendarEmulator google, StoreConnectionSettings settings) {
      this.settings = settings;
      Clock clock = Clock.systemUTC();
      VendorEndpoints endpoints = VendorEndpoints.emulated(google.baseUrl(), "http://127.0.0.1:9");
      AccessTokens tokens = new AccessTokens(new TokenEndpointClient(endpoints, HttpClient.newHttpClient(), clock), clock);
      VendorCalls calls = new VendorCalls(tokens, new RequestBudget(100_000, 100_000, Duration.ofSeconds(30), clock,
          Sleeper.system()), new RetryPolicy(RetryPolicy.Limits.standard(), clock, Sleeper.system(),
          RandomGenerator.getDefault()));
      this.engine = new SyncEngine(new Store(StoreDataSource.create(settings, 4)),
          Map.of(Vendor.Google, new GoogleConnector(endpoints, calls, clock)), tokens, new ConflictReporter() {
            @Override
            public void conflictDetected(SyncTarget target, DetectedConflict conflict) {
              throw new IllegalStateException("the benchmark makes no conflicts");
            }

            @Override
            public void conflictAutoResolved(SyncTarget target, DetectedConflict conflict, ConflictPolicy policy,
                ConflictResolution kept) {
              throw new IllegalStateException("the benchmark makes no conflicts");
            }
          }, (type, fields) -> { }, clock);
      this.refreshToken = google.oauth().issueGrant(CLIENT, USER, "https://www.googleapis.com/auth/calendar");
    }

    SyncTarget target(SyncDirection direction) {
      CalendarProviderSpec spec = new CalendarProviderSpec();
      spec.setVendor(Vendor.Google);
      spec.setCalendarId("primary");
      spec.setTenant("acme");
      spec.setUserId("alice");
      spec.setSyncDirection(direction);
      spec.getSyncWindow().setFuture("17520h");
      return new SyncTarget("bench", "alice-google", spec,
          new ProviderCredentials(CLIENT, SECRET, Optional.of(refreshToken), Optional.empty(), "1"));
    }
  }
}
