package io.calendarsync.operator.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.CalendarProviderSpec;
import io.calendarsync.api.v1alpha1.ConflictPolicy;
import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.api.v1alpha1.SyncDirection;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.embedded.EmbeddedPostgresServer;
import io.calendarsync.emulators.embedded.EmbeddedRedisServer;
import io.calendarsync.operator.config.EngineSettings;
import io.calendarsync.operator.config.OperatorConfig;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sync engine throughput on Google and Outlook (real adapters and client libraries, the vendors' emulators, embedded
 * PostgreSQL): initial import and export of N events next to a plain JDBC batch insert (the ceiling), vendor calls of
 * incremental syncs next to their lower bound, and (Google) the latency from a committed platform edit (NOTIFY) to the
 * vendor write. See docs/benchmarks.md for the command.
 */
public final class SyncBenchmark {

  private static final Instant BASE = Instant.parse("2026-12-01T08:00:00Z");

  private SyncBenchmark() {}

  /** Arguments: the number of events (default 10,000), and the vendors to run (default {@code Google,Microsoft}). */
  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    List<Vendor> vendors = args.length > 1
        ? Arrays.stream(args[1].split(",")).map(String::trim).map(Vendor::valueOf).toList()
        : List.of(Vendor.Google, Vendor.Microsoft);
    System.out.printf("machine: %d cores, max heap %d MiB, java %s; %d events%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), size);
    try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
      ceiling(postgres, size);
      for (Vendor vendor : vendors) {
        importAndIncremental(postgres, size, vendor);
        export(postgres, size, vendor);
      }
      if (vendors.contains(Vendor.Google)) {
        notifyToVendorLatency(postgres, 200);
      }
    }
  }

  private static BenchVendor start(Vendor vendor) {
    return vendor == Vendor.Google ? BenchVendor.google() : BenchVendor.microsoft();
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

  private static void importAndIncremental(EmbeddedPostgresServer postgres, int size, Vendor vendor) throws Exception {
    try (BenchVendor calendar = start(vendor)) {
      for (int i = 0; i < size; i++) {
        calendar.createEvent("Imported " + i, BASE.plus(Duration.ofHours(i)));
      }
      Engine engine = new Engine(calendar, database(postgres));
      SyncTarget target = engine.target(SyncDirection.Bidirectional);
      calendar.resetCounts();
      long started = System.nanoTime();
      SyncResult result = engine.engine.sync(target);
      report(vendor + ": import " + result.counts().getCreatedInternal() + " calendar events into the schedule ("
          + calendar.calls() + " vendor calls)", size, System.nanoTime() - started);

      for (int changes : new int[] {1, 10, 100}) {
        for (int i = 0; i < changes; i++) {
          calendar.editTitle(i, "Edited " + changes + "-" + i);
        }
        calendar.resetCounts();
        SyncResult incremental = engine.engine.sync(target);
        System.out.printf("| %s: incremental, %d calendar edits | %d vendor calls (%d writes) | updated %d entries |%n",
            vendor, changes, calendar.calls(), calendar.writes(), incremental.counts().getUpdatedInternal());
      }
      for (int changes : new int[] {1, 10, 100}) {
        try (Connection connection = connect(engine.settings); Statement statement = connection.createStatement()) {
          statement.execute("UPDATE calendar_sync.schedule_entries SET title = title || ' (platform)'"
              + " WHERE entry_id IN (SELECT entry_id FROM calendar_sync.schedule_entries WHERE tenant = 'acme'"
              + " AND entry_id LIKE 'ext-%' ORDER BY entry_id LIMIT " + changes + ")");
        }
        calendar.resetCounts();
        SyncResult outbound = engine.engine.sync(target);
        long calls = calendar.calls();
        long writes = calendar.writes();
        calendar.resetCounts();
        engine.engine.sync(target);
        System.out.printf("| %s: incremental, %d platform edits | %d vendor calls (%d writes) | updated %d events |"
                + " echo sync after it: %d calls, %d writes |%n",
            vendor, changes, calls, writes, outbound.counts().getUpdatedExternal(), calendar.calls(), calendar.writes());
      }
    }
  }

  private static void export(EmbeddedPostgresServer postgres, int size, Vendor vendor) throws Exception {
    try (BenchVendor calendar = start(vendor)) {
      Engine engine = new Engine(calendar, database(postgres));
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
      calendar.resetCounts();
      long started = System.nanoTime();
      SyncResult result = engine.engine.sync(engine.target(SyncDirection.ToExternal));
      long elapsed = System.nanoTime() - started;
      if (calendar.eventCount() != size) {
        throw new IllegalStateException(vendor + " holds " + calendar.eventCount() + " events, not " + size);
      }
      report(vendor + ": export " + result.counts().getCreatedExternal() + " schedule entries to the calendar ("
          + calendar.calls() + " vendor calls)", size, elapsed);
    }
  }

  private static void notifyToVendorLatency(EmbeddedPostgresServer postgres, int samples) throws Exception {
    StoreConnectionSettings settings = database(postgres);
    try (BenchVendor google = BenchVendor.google(); MockKubernetes kubernetes = new MockKubernetes();
         EmbeddedRedisServer redis = EmbeddedRedisServer.start()) {
      ProviderCredentials credentials = google.credentials();
      SyncEngineAssembly assembly = SyncEngineAssembly.start(new EngineSettings(settings, redis.uri(),
          google.endpoints(), 1000, Optional.empty()), kubernetes.client(), Clock.systemUTC());
      CalendarSyncOperator operator = CalendarSyncOperator.start(OperatorConfig.defaults().withHttpPort(0),
          kubernetes.client(), assembly.engine(), Clock.systemUTC());
      assembly.connect(operator);
      kubernetes.client().resource(Resources.tenantNamespace("acme", "acme")).create();
      kubernetes.client().resource(Resources.credentials("acme", "creds", Map.of("client-id",
          credentials.clientId(), "client-secret", credentials.clientSecret(), "refresh-token",
          credentials.refreshToken().orElseThrow()))).create();
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
            written = google.events().stream()
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
    final BenchVendor calendar;

    Engine(BenchVendor calendar, StoreConnectionSettings settings) {
      this.settings = settings;
      this.calendar = calendar;
      Clock clock = Clock.systemUTC();
      AccessTokens tokens = new AccessTokens(new TokenEndpointClient(calendar.endpoints(), HttpClient.newHttpClient(),
          clock), clock);
      VendorCalls calls = new VendorCalls(tokens, new RequestBudget(100_000, 100_000, Duration.ofSeconds(30), clock,
          Sleeper.system()), new RetryPolicy(RetryPolicy.Limits.standard(), clock, Sleeper.system(),
          RandomGenerator.getDefault()));
      this.engine = new SyncEngine(new Store(StoreDataSource.create(settings, 4)),
          Map.of(calendar.vendor, calendar.connector(calls, clock)), tokens, new ConflictReporter() {
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
    }

    SyncTarget target(SyncDirection direction) {
      CalendarProviderSpec spec = new CalendarProviderSpec();
      spec.setVendor(calendar.vendor);
      spec.setCalendarId(calendar.calendarId);
      spec.setTenant("acme");
      spec.setUserId("alice");
      spec.setSyncDirection(direction);
      spec.getSyncWindow().setFuture("17520h");
      return new SyncTarget("bench", "alice-" + calendar.vendor.name().toLowerCase(Locale.ROOT), spec,
          calendar.credentials());
    }
  }
}
