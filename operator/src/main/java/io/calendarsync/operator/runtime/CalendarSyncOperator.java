package io.calendarsync.operator.runtime;

import io.calendarsync.operator.config.OperatorConfig;
import io.calendarsync.operator.events.EventRecorder;
import io.calendarsync.operator.metrics.OperatorMetrics;
import io.calendarsync.operator.provider.CalendarProviderReconciler;
import io.calendarsync.operator.sync.CalendarSync;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The operator assembled: JOSDK with the provider reconciler, metrics, health endpoints and (optionally) leader
 * election. Main, the tests, the benchmarks and the playground all start it through here, so they run the same wiring.
 */
public final class CalendarSyncOperator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarSyncOperator.class);

  private final Operator operator;
  private final ManagementServer management;
  private final PrometheusMeterRegistry registry;

  private CalendarSyncOperator(Operator operator, ManagementServer management, PrometheusMeterRegistry registry) {
    this.operator = operator;
    this.management = management;
    this.registry = registry;
  }

  public static CalendarSyncOperator start(OperatorConfig config, KubernetesClient client, CalendarSync sync,
      Clock clock) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);

    Operator operator = new Operator(overrider -> {
      overrider.withKubernetesClient(client)
          // The mock API server (and some proxies) cannot do server-side apply; one patch path everywhere is tested.
          .withUseSSAToPatchPrimaryResource(false)
          .withCloseClientOnStop(false)
          .withConcurrentReconciliationThreads(config.reconcileThreads())
          .withReconciliationTerminationTimeout(Duration.ofSeconds(20))
          .withMetrics(MicrometerMetrics.newMicrometerMetricsBuilder(registry).notCollectingMetricsPerResource().build());
      if (config.leaderElection()) {
        overrider.withLeaderElectionConfiguration(
            new LeaderElectionConfiguration(config.leaseName(), config.leaseNamespace(), config.identity()));
      }
    });
    var reconciler = new CalendarProviderReconciler(sync, config, clock, new EventRecorder(client, clock),
        new OperatorMetrics(registry));
    operator.register(reconciler, overrider -> {
      if (!config.watchNamespaces().isEmpty()) {
        overrider.settingNamespaces(config.watchNamespaces());
      }
    });
    ManagementServer management;
    try {
      management = new ManagementServer(config.httpPort(),
          () -> operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy(),
          registry);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve health and metrics on port " + config.httpPort(), e);
    }
    operator.start();
    LOG.info("operator started: watching {}, tenant enforcement {}, leader election {}, management port {}",
        config.watchNamespaces().isEmpty() ? "all namespaces" : config.watchNamespaces(),
        config.tenantEnforcement() ? "on" : "off", config.leaderElection() ? "on" : "off", management.port());
    return new CalendarSyncOperator(operator, management, registry);
  }

  public int managementPort() {
    return management.port();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    operator.stop();
    management.close();
  }
}
