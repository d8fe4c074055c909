package io.calendarsync.operator.metrics;

import io.calendarsync.api.v1alpha1.Phase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator's own meters. Labels are bounded enumerations (vendor, result, phase): never a provider name, a user
 * or anything secret, so cardinality stays flat at 10,000 providers.
 */
public class OperatorMetrics {

  private final MeterRegistry registry;
  private final Map<String, Phase> phaseByProvider = new ConcurrentHashMap<>();
  private final Map<Phase, AtomicInteger> providersByPhase = new EnumMap<>(Phase.class);

  public OperatorMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Phase phase : Phase.values()) {
      AtomicInteger count = new AtomicInteger();
      providersByPhase.put(phase, count);
      Gauge.builder("calendarsync_providers", count, AtomicInteger::get)
          .description("Providers by phase")
          .tag("phase", phase.name())
          .register(registry);
    }
  }

  public void syncFinished(String vendor, String result, Duration took) {
    Counter.builder("calendarsync_syncs")
        .description("Syncs run, by vendor and result (Succeeded or a failure reason)")
        .tag("vendor", vendor)
        .tag("result", result)
        .register(registry)
        .increment();
    Timer.builder("calendarsync_sync_duration")
        .description("Time one provider sync took")
        .publishPercentileHistogram()
        .tag("vendor", vendor)
        .register(registry)
        .record(took);
  }

  /** One access-token refresh; {@code result} is success, revoked, invalid_client or unavailable. */
  public void tokenRefreshed(String vendor, String result) {
    Counter.builder("calendarsync_token_refreshes")
        .description("Access-token refreshes, by vendor and result (success, revoked, invalid_client, unavailable)")
        .tag("vendor", vendor)
        .tag("result", result)
        .register(registry)
        .increment();
  }

  public void statusWritten() {
    Counter.builder("calendarsync_status_writes")
        .description("Status patches sent to the API server (an idle provider causes none)")
        .register(registry)
        .increment();
  }

  /** Tracks the phase of each provider so the per-phase gauges add up to the providers this replica knows. */
  public void phase(String providerKey, Phase phase) {
    Phase previous = phase == null ? phaseByProvider.remove(providerKey) : phaseByProvider.put(providerKey, phase);
    if (previous == phase) {
      return;
    }
    if (previous != null) {
      providersByPhase.get(previous).decrementAndGet();
    }
    if (phase != null) {
      providersByPhase.get(phase).incrementAndGet();
    }
  }
}
