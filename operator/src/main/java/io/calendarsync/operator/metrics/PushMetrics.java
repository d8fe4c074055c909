package io.calendarsync.operator.metrics;

import io.calendarsync.api.redis.NotificationKind;
import io.calendarsync.api.redis.VendorName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Supplier;

/**
 * The push-channel meters. Labels are vendor, result and notification kind: never a provider, channel id or token.
 * Kept apart from {@link OperatorMetrics} because the engine's push parts are built before the operator's registry
 * exists; they register on a composite registry that the operator's registry joins when push starts.
 */
public final class PushMetrics {

  private final MeterRegistry registry;

  public PushMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** @param result Created, Extended, Replaced (Google), Recreated or Failed */
  public void renewal(VendorName vendor, String result) {
    Counter.builder("calendarsync_push_channel_renewals")
        .description("Push channels opened, extended or replaced, by vendor and result")
        .tag("vendor", vendor.wireName())
        .tag("result", result)
        .register(registry)
        .increment();
  }

  public void notificationConsumed(VendorName vendor, NotificationKind kind) {
    Counter.builder("calendarsync_push_notifications_consumed")
        .description("Verified notifications taken from the Redis stream, by vendor and kind")
        .tag("vendor", vendor.wireName())
        .tag("kind", kind.wireName())
        .register(registry)
        .increment();
  }

  /** @param expiring counts the live channels that expire within the renewal lead time */
  public void channelsExpiring(Supplier<Number> expiring) {
    Gauge.builder("calendarsync_push_channels_expiring", expiring)
        .description("Live push channels expiring within the renewal lead time (each is renewed on its next sync)")
        .register(registry);
  }
}
