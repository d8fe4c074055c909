package io.calendarsync.operator.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.embedded.EmbeddedPostgresServer;
import io.calendarsync.operator.push.PushFixture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Push end to end: a person creates an event in Google Calendar (the emulator), Google pushes over HTTP to the real
 * receiver, which verifies and enqueues in Redis; the operator's consumer wakes the provider, whose sync imports the
 * event into {@code schedule_entries}. Latency is from the vendor-side change to the row's commit-time stamp
 * ({@code created_at}, set by the insert's transaction), at a fixed rate spread over several providers. See
 * docs/benchmarks.md for the command.
 */
public final class PushBenchmark {

  /** The mock API server logs every request through java.util.logging; a real API server runs elsewhere. */
  private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8");

  private PushBenchmark() {}

  public static void main(String[] args) throws Exception {
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int providerCount = args.length > 2 ? Integer.parseInt(args[2]) : 25;
    System.out.printf("machine: %d cores, max heap %d MiB, java %s; %d notifications/s for %d s over %d providers%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), rate, seconds, providerCount);
    try (PushFixture fixture = new PushFixture()) {
      fixture.google.push().setRetryPolicy(1, Duration.ofMillis(100));
      List<CalendarProvider> providers = new ArrayList<>();
      for (int i = 0; i < providerCount; i++) {
        providers.add(fixture.provider(Vendor.Google));
      }
      for (CalendarProvider provider : providers) {
        fixture.awaitWebhook(provider, "True", "ChannelActive");
      }
      run(fixture, providers, "warmup-", rate, Math.max(1, seconds / 6));
      double syncsBefore = fixture.syncs(Vendor.Google);
      Map<String, Instant> changed = run(fixture, providers, "bench-", rate, seconds);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> fixture.count("SELECT count(*) FROM calendar_sync.schedule_entries WHERE title LIKE 'bench-%'")
              >= changed.size());
      report(fixture, changed, syncsBefore);
    }
  }

  /** Creates {@code rate} events a second for {@code seconds}, round robin over the providers' calendars. */
  private static Map<String, Instant> run(PushFixture fixture, List<CalendarProvider> providers, String prefix,
      int rate, int seconds) throws InterruptedException {
    Map<String, Instant> changed = new ConcurrentHashMap<>();
    AtomicInteger sequence = new AtomicInteger();
    int total = rate * seconds;
    CountDownLatch done = new CountDownLatch(total);
    ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
    load.scheduleAtFixedRate(() -> {
      int n = sequence.getAndIncrement();
      if (n >= total) {
        return;
      }
      CalendarProvider provider = providers.get(n % providers.size());
      String title = prefix + n;
      ObjectNode event = fixture.googleEvent(title);
      changed.put(title, Instant.now());
      fixture.google.calendars().createEvent(PushFixture.user(provider), "primary", event);
      done.countDown();
    }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
    done.await();
    load.shutdown();
    load.awaitTermination(10, TimeUnit.SECONDS);
    return changed;
  }

  private static void report(PushFixture fixture, Map<String, Instant> changed, double syncsBefore) throws Exception {
    List<Long> latencies = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(fixture.jdbcUrl, EmbeddedPostgresServer.shared().user(),
        EmbeddedPostgresServer.shared().password()); Statement s = connection.createStatement();
         ResultSet rows = s.executeQuery("SELECT title, created_at FROM calendar_sync.schedule_entries"
             + " WHERE title LIKE 'bench-%'")) {
      while (rows.next()) {
        Instant at = rows.getTimestamp("created_at").toInstant();
        latencies.add(Duration.between(changed.get(rows.getString("title")), at).toMillis());
      }
    }
    latencies.sort(Long::compare);
    var timer = fixture.operator.registry().find("calendarsync_sync_duration").timer();
    System.out.printf("sync duration (whole run): mean %.1f ms, max %.1f ms%n", timer.mean(TimeUnit.MILLISECONDS),
        timer.max(TimeUnit.MILLISECONDS));
    System.out.printf("changes: %d, landed: %d, syncs: %.0f%n", changed.size(), latencies.size(),
        fixture.syncs(Vendor.Google) - syncsBefore);
    System.out.printf("latency ms: p50 %d, p90 %d, p99 %d, max %d%n", percentile(latencies, 50),
        percentile(latencies, 90), percentile(latencies, 99), latencies.get(latencies.size() - 1));
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
