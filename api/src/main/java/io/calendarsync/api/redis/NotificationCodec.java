package io.calendarsync.api.redis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Notification} to and from the fields of its stream entry: {@code vendor}, {@code channelId},
 * {@code provider}, {@code kind}, {@code lifecycleEvent} (lifecycle only), {@code resourceState} (Google only),
 * {@code receivedAt} (epoch ms).
 */
public final class NotificationCodec {

  public static final String VENDOR = "vendor";
  public static final String CHANNEL_ID = "channelId";
  public static final String PROVIDER = "provider";
  public static final String KIND = "kind";
  public static final String LIFECYCLE_EVENT = "lifecycleEvent";
  public static final String RESOURCE_STATE = "resourceState";
  public static final String RECEIVED_AT = "receivedAt";

  private NotificationCodec() {}

  public static Map<String, String> encode(Notification notification) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(VENDOR, notification.vendor().wireName());
    fields.put(CHANNEL_ID, notification.channelId());
    fields.put(PROVIDER, notification.providerKey());
    fields.put(KIND, notification.kind().wireName());
    if (notification.lifecycleEvent() != null) {
      fields.put(LIFECYCLE_EVENT, notification.lifecycleEvent().wireName());
    }
    if (notification.resourceState() != null) {
      fields.put(RESOURCE_STATE, notification.resourceState().wireName());
    }
    fields.put(RECEIVED_AT, Fields.epochMillis(notification.receivedAt()));
    return fields;
  }

  /** @throws IllegalArgumentException when the entry is not a valid notification */
  public static Notification decode(Map<String, String> entry) {
    Fields fields = new Fields("notification", entry);
    return new Notification(
        fields.wireName(VENDOR, VendorName::fromWireName),
        fields.required(CHANNEL_ID),
        fields.required(PROVIDER),
        fields.wireName(KIND, NotificationKind::fromWireName),
        fields.optionalWireName(LIFECYCLE_EVENT, LifecycleEvent::fromWireName),
        fields.optionalWireName(RESOURCE_STATE, ResourceState::fromWireName),
        fields.epochMillis(RECEIVED_AT));
  }
}
