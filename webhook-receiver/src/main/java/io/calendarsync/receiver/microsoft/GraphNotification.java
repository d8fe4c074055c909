package io.calendarsync.receiver.microsoft;

import io.calendarsync.api.redis.DeduplicationKeys;
import io.calendarsync.api.redis.LifecycleEvent;

/**
 * One item of a Graph notification batch, as far as the receiver needs it. Any field may be missing: items are
 * verified one by one.
 *
 * @param subscriptionId the subscription it arrived on
 * @param clientState the subscription's secret, as given when it was created
 * @param changeType created, updated or deleted (change notifications)
 * @param resource the changed resource's path (change notifications)
 * @param etag the changed resource's {@code @odata.etag} (change notifications; absent for deletions)
 * @param lifecycleEvent the lifecycle event as spelled by Graph; {@code null} for change notifications
 * @param item the item's JSON as received, which identifies a lifecycle notification
 */
record GraphNotification(
    String subscriptionId,
    String clientState,
    String changeType,
    String resource,
    String etag,
    String lifecycleEvent,
    byte[] item) {

  boolean isLifecycle() {
    return lifecycleEvent != null;
  }

  /** What makes a redelivery of this item recognisable; {@code event} is the parsed lifecycle event, if any. */
  String deduplicationKey(LifecycleEvent event) {
    return event == null
        ? DeduplicationKeys.graphChange(subscriptionId, changeType, resource, etag)
        : DeduplicationKeys.graphLifecycle(subscriptionId, event, item);
  }

  /** Never prints the clientState. */
  @Override
  public String toString() {
    return "GraphNotification[subscriptionId=" + subscriptionId + ", changeType=" + changeType
        + ", lifecycleEvent=" + lifecycleEvent + "]";
  }
}
