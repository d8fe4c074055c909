package io.calendarsync.api.redis;

import java.time.Instant;
import java.util.Objects;

/**
 * One verified vendor notification on {@link RedisKeys#NOTIFICATIONS_STREAM}. It only says "this provider's calendar
 * changed" (or "its subscription needs attention"): the operator then syncs incrementally, so the notification carries
 * no event data that could be forged or go stale.
 *
 * @param vendor who sent it
 * @param channelId the Google channel id or Graph subscription id it arrived on
 * @param providerKey the CalendarProvider owning that channel, {@code namespace/name}
 * @param kind change or lifecycle
 * @param lifecycleEvent the Graph lifecycle event; only for {@link NotificationKind#LIFECYCLE}
 * @param resourceState Google's resource state; only for Google changes
 * @param receivedAt when the receiver got it
 */
public record Notification(
    VendorName vendor,
    String channelId,
    String providerKey,
    NotificationKind kind,
    LifecycleEvent lifecycleEvent,
    ResourceState resourceState,
    Instant receivedAt) {

  public Notification {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(providerKey, "providerKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if ((kind == NotificationKind.LIFECYCLE) != (lifecycleEvent != null)) {
      throw new IllegalArgumentException("a lifecycle event comes with, and only with, kind lifecycle");
    }
    if ((vendor == VendorName.GOOGLE) != (resourceState != null)) {
      throw new IllegalArgumentException("a resource state comes with, and only with, Google notifications");
    }
  }

  /** A Google push: the calendar's events changed ({@code exists}) or were deleted ({@code not_exists}). */
  public static Notification googleChange(String channelId, String providerKey, ResourceState state, Instant receivedAt) {
    return new Notification(VendorName.GOOGLE, channelId, providerKey, NotificationKind.CHANGE, null, state, receivedAt);
  }

  /** A Graph change notification on a subscription. */
  public static Notification graphChange(String subscriptionId, String providerKey, Instant receivedAt) {
    return new Notification(VendorName.MICROSOFT, subscriptionId, providerKey, NotificationKind.CHANGE, null, null,
        receivedAt);
  }

  /** A Graph lifecycle notification on a subscription. */
  public static Notification graphLifecycle(String subscriptionId, String providerKey, LifecycleEvent event,
      Instant receivedAt) {
    return new Notification(VendorName.MICROSOFT, subscriptionId, providerKey, NotificationKind.LIFECYCLE,
        Objects.requireNonNull(event, "event"), null, receivedAt);
  }
}
