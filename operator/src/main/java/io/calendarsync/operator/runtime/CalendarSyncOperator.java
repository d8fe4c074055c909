package io.calendarsync.operator.runtime;

import io.calendarsync.operator.config.OperatorConfig;
import io.calendarsync.operator.events.EventRecorder;
import io.calendarsync.operator.metrics.OperatorMetrics;
import io.calendarsync.operator.provider.CalendarProviderReconciler;
import io.calendarsync.operator.provider.ScheduleChangeWakeUps;
import io.calendarsync.operator.store.ChangeNotificationHandler;
import io.calendarsync.operator.sync.CalendarSync;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
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
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The operator assembled: JOSDK with the provider reconciler, metrics, health endpoints and (optionally) leader
 * election. Main, the tests, the benchmarks and the playground all start it through here, so they run the same wiring.
 */
public final class CalendarSyncOperator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarSyncOperator.class);

  private final Operator operator;
  private final ManagementServer management;
  private final PrometheusMeterRegistry registry;

  private final AtomicBoolean stopping;
  private final CalendarProviderReconciler reconciler;
  private final LeaderServices leaderServices;
  private final Set<String> watchNamespaces;

  private final OperatorMetrics metrics;

  private CalendarSyncOperator(Operator operator, ManagementServer management, PrometheusMeterRegistry registry,
      OperatorMetrics metrics, AtomicBoolean stopping, CalendarProviderReconciler reconciler,
      LeaderServices leaderServices, Set<String> watchNamespaces) {
    this.metrics = metrics;
    this.watchNamespaces = Set.copyOf(watchNamespaces);
    this.stopping = stopping;
    this.leaderServices = leaderServices;
    this.reconciler = reconciler;
    this.operator = operator;
    this.management = management;
    this.registry = registry;
  }

  public static CalendarSyncOperator start(OperatorConfig config, KubernetesClient client, CalendarSync sync,
      Clock clock) {
    return start(config, client, sync, clock, () -> LOG.warn("lost the leader Lease; standing by"));
  }

  /**
   * @param onLeadershipLost what to do when this replica loses its Lease while running (not when it is stopped):
   *     main exits so Kubernetes restarts the pod into a clean standby
   */
  public static CalendarSyncOperator start(OperatorConfig config, KubernetesClient client, CalendarSync sync,
      Clock clock, Runnable onLeadershipLost) {
    AtomicBoolean stopping = new AtomicBoolean();
    LeaderServices leaderServices = new LeaderServices(!config.leaderElection());
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
        // JOSDK's own exit-on-stop would also fire during a normal stop, from inside the SIGTERM hook.
        overrider.withLeaderElectionConfiguration(new LeaderElectionConfiguration(config.leaseName(),
            config.leaseNamespace(), LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
            LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
            LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, config.identity(),
            new LeaderCallbacks(() -> {
              LOG.info("acquired the leader Lease {}", config.leaseName());
              leaderServices.leading();
            }, () -> {
              if (!stopping.get()) {
                onLeadershipLost.run();
              }
            }, leader -> LOG.info("leader is now {}", leader)), false));
      }
    });
    OperatorMetrics metrics = new OperatorMetrics(registry);
    var reconciler = new CalendarProviderReconciler(sync, config, clock, new EventRecorder(client, clock), metrics);
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
    return new CalendarSyncOperator(operator, management, registry, metrics, stopping, reconciler, leaderServices,
        config.watchNamespaces());
  }

  /** Runs {@code service} while this replica leads: now if it already does, else once it acquires the Lease. */
  public void runWhileLeading(LeaderService service) {
    leaderServices.add(service);
  }

  /** The namespaces this operator reconciles; empty when it watches all. */
  public Set<String> watchNamespaces() {
    return watchNamespaces;
  }

  /** Wakes the provider named {@code namespace/name}. */
  public void wake(String providerKey) {
    reconciler.wake(providerKey);
  }

  /** Where the database's change notifications go: they wake the providers of the users concerned. */
  public ChangeNotificationHandler scheduleChangeHandler() {
    return new ScheduleChangeWakeUps(reconciler);
  }

  public int managementPort() {
    return management.port();
  }

  /** The operator's own meters, for collaborators started outside it (token refreshes). */
  public OperatorMetrics metrics() {
    return metrics;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    stopping.set(true);
    leaderServices.close();
    operator.stop();
    management.close();
  }
}
