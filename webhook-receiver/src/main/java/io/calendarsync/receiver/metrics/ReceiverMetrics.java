package io.calendarsync.receiver.metrics;

import io.calendarsync.api.redis.VendorName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The receiver's meters. Labels are closed sets (vendor, reason, result): never a channel id, a provider or anything
 * a sender chose, so neither cardinality nor a secret can leak through them.
 *
 * <ul>
 *   <li>{@code calendarsync_receiver_notifications_received_total{vendor}}: webhook deliveries (requests; a Graph
 *       delivery may carry several notifications), validation handshakes excluded</li>
 *   <li>{@code calendarsync_receiver_notifications_accepted_total{vendor}}: verified notifications answered with
 *       success: enqueued, already enqueued (duplicates), or Google's {@code sync}</li>
 *   <li>{@code calendarsync_receiver_notifications_rejected_total{vendor,reason}}: refused deliveries or Graph items</li>
 *   <li>{@code calendarsync_receiver_notifications_duplicate_total{vendor}}: accepted notifications that were
 *       already enqueued</li>
 *   <li>{@code calendarsync_receiver_enqueue_latency_seconds{vendor}}: from request to persisted, with percentiles</li>
 *   <li>{@code calendarsync_receiver_oauth_callbacks_total{vendor,result}}: {@code granted} or a rejection reason</li>
 * </ul>
 */
public final class ReceiverMetrics {

  private static final String GRANTED = "granted";

  private final MeterRegistry registry;
  // The meters every accepted notification touches, looked up once rather than per request.
  private final Map<VendorName, Counter> received = new EnumMap<>(VendorName.class);
  private final Map<VendorName, Counter> accepted = new EnumMap<>(VendorName.class);
  private final Map<VendorName, Counter> duplicates = new EnumMap<>(VendorName.class);
  private final Map<VendorName, Timer> enqueueLatency = new EnumMap<>(VendorName.class);

  public ReceiverMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Registered up front, also so dashboards and alerts see zeros instead of missing series.
    for (VendorName vendor : VendorName.values()) {
      received.put(vendor, counter("calendarsync_receiver_notifications_received",
          "Webhook deliveries (requests), handshakes excluded", vendor));
      accepted.put(vendor, counter("calendarsync_receiver_notifications_accepted",
          "Verified notifications answered with success", vendor));
      duplicates.put(vendor, counter("calendarsync_receiver_notifications_duplicate",
          "Accepted notifications that were already enqueued", vendor));
      enqueueLatency.put(vendor, Timer.builder("calendarsync_receiver_enqueue_latency")
          .description("Time from a notification's request to its entry in the stream")
          .tag("vendor", vendor.wireName())
          .publishPercentiles(0.5, 0.95, 0.99)
          .register(registry));
    }
  }

  public void received(VendorName vendor) {
    received.get(vendor).increment();
  }

  public void accepted(VendorName vendor) {
    accepted.get(vendor).increment();
  }

  /** A verified notification persisted (or found already persisted) {@code took} after its request arrived. */
  public void enqueued(VendorName vendor, boolean duplicate, Duration took) {
    accepted(vendor);
    if (duplicate) {
      duplicates.get(vendor).increment();
    }
    enqueueLatency.get(vendor).record(took);
  }

  public void rejected(VendorName vendor, RejectionReason reason) {
    Counter.builder("calendarsync_receiver_notifications_rejected")
        .description("Refused webhook deliveries and Graph items, by reason")
        .tag("vendor", vendor.wireName())
        .tag("reason", reason.label())
        .register(registry)
        .increment();
  }

  public void oauthGranted(VendorName vendor) {
    oauthCallback(vendor, GRANTED);
  }

  public void oauthRejected(VendorName vendor, RejectionReason reason) {
    oauthCallback(vendor, reason.label());
  }

  private void oauthCallback(VendorName vendor, String result) {
    Counter.builder("calendarsync_receiver_oauth_callbacks")
        .description("OAuth redirects, by result: granted or why they were refused")
        .tag("vendor", vendor.wireName())
        .tag("result", result)
        .register(registry)
        .increment();
  }

  private Counter counter(String name, String description, VendorName vendor) {
    return Counter.builder(name).description(description).tag("vendor", vendor.wireName()).register(registry);
  }
}
