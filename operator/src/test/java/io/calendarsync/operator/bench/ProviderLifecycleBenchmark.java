package io.calendarsync.operator.bench;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.operator.config.OperatorConfig;
import io.calendarsync.operator.runtime.CalendarSyncOperator;
import io.calendarsync.operator.support.MockKubernetesMain;
import io.calendarsync.operator.support.Resources;
import io.calendarsync.operator.support.ScriptedCalendarSync;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.calendarsync.operator.support.Resources.condition;

/**
 * Lifecycle scale: N providers (each with its Secret) created at once against the mock API server running in its own
 * process; reports the time until all are Ready on the server, the operator's heap after GC, API writes per provider,
 * and the writes over one safety-net interval in which every provider synced again with nothing to do. Run with
 * -Xmx1g (see docs/benchmarks.md for the command).
 */
public final class ProviderLifecycleBenchmark {

  private static final String NAMESPACE = "bench";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ProviderLifecycleBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = Arrays.stream((args.length > 0 ? args[0] : "1000,5000,10000").split(","))
        .map(String::strip).map(Integer::parseInt).toList();
    System.out.printf("machine: %d cores, max heap %d MiB, java %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
    System.out.println("| providers | create (s) | all Ready (s) | heap after GC (MiB) | operator CPU (s) | API server CPU (s) | writes/provider | writes in idle interval |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int size : sizes) {
      run(size);
    }
  }

  private static void run(int size) throws Exception {
    Process apiServer = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx8g", "-cp",
        System.getProperty("java.class.path"), MockKubernetesMain.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      String url = awaitUrl(apiServer);
      KubernetesClient client = new KubernetesClientBuilder()
          .withConfig(new ConfigBuilder().withMasterUrl(url).withRequestTimeout(120_000).build())
          .build();
      client.resource(Resources.tenantNamespace(NAMESPACE, "acme")).create();
      ScriptedCalendarSync sync = new ScriptedCalendarSync();
      long operatorCpuStart = cpuNanos();
      long apiCpuStart = apiServer.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
      try (CalendarSyncOperator operator = CalendarSyncOperator.start(OperatorConfig.defaults().withHttpPort(0),
          client, sync, Clock.systemUTC())) {
        Map<String, Long> before = writes(url);
        long started = System.nanoTime();
        createProviders(client, size);
        long created = System.nanoTime();
        awaitAllReady(operator, client, size);
        long ready = System.nanoTime();
        long operatorCpu = cpuNanos() - operatorCpuStart;
        long apiCpu = apiServer.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) - apiCpuStart;
        Map<String, Long> afterReady = writes(url);
        long operatorWrites = total(afterReady) - total(before) - 2L * size;

        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

        // One safety-net interval (1m): every provider syncs again and finds nothing to do.
        int syncsBeforeIdle = sync.totalSyncs();
        long idleDeadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (sync.totalSyncs() < syncsBeforeIdle + size && System.nanoTime() < idleDeadline) {
          Thread.sleep(1000);
        }
        Map<String, Long> afterIdle = writes(url);
        System.out.printf("| %d | %.1f | %.1f | %d | %.1f | %.1f | %.2f | %d (syncs in interval: %d) |%n", size,
            (created - started) / 1e9, (ready - started) / 1e9, heap >> 20, operatorCpu / 1e9, apiCpu / 1e9,
            operatorWrites / (double) size, total(afterIdle) - total(afterReady), sync.totalSyncs() - syncsBeforeIdle);
        System.out.println("  writes by kind while becoming Ready: " + diff(before, afterReady));
      }
      client.close();
    } finally {
      apiServer.destroy();
      apiServer.waitFor();
    }
  }

  private static void createProviders(KubernetesClient client, int size) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> pending = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int index = i;
      pending.add(pool.submit(() -> {
        client.resource(Resources.googleCredentials(NAMESPACE, "creds-" + index)).create();
        CalendarProvider provider = Resources.provider(NAMESPACE, "p-" + index, "acme", "creds-" + index);
        provider.getSpec().setSyncInterval("1m");
        client.resource(provider).create();
      }));
    }
    for (Future<?> f : pending) {
      f.get();
    }
    pool.shutdown();
  }

  /** Waits for the operator's own count first (cheap), then confirms on the API server. */
  private static void awaitAllReady(CalendarSyncOperator operator, KubernetesClient client, int size)
      throws InterruptedException {
    while (operator.registry().get("calendarsync_providers").tag("phase", "Connected").gauge().value() < size) {
      Thread.sleep(100);
    }
    while (client.resources(CalendarProvider.class).inNamespace(NAMESPACE).list().getItems().stream()
        .filter(p -> condition(p, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false))
        .count() < size) {
      Thread.sleep(500);
    }
  }

  private static String awaitUrl(Process process) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("URL=")) {
        return line.substring(4);
      }
    }
    throw new IllegalStateException("mock API server exited before listening");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> writes(String url) throws Exception {
    String body = HTTP.send(HttpRequest.newBuilder(URI.create(url.replaceAll("/$", "") + "/_writes")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Map<String, Number> raw = Serialization.unmarshal(body, Map.class);
    Map<String, Long> counts = new TreeMap<>();
    raw.forEach((k, v) -> counts.put(k, v.longValue()));
    return counts;
  }

  private static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<String, Long> diff(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> d = new TreeMap<>();
    after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
    return d;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
