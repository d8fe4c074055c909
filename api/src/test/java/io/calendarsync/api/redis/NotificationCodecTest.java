package io.calendarsync.api.redis;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationCodecTest {

  private static final Instant RECEIVED = Instant.ofEpochMilli(1_772_359_200_123L);

  @Test
  void googleChangeCarriesItsResourceState() {
    Notification notification = Notification.googleChange("chan-1", "team-a/alice-google", ResourceState.EXISTS, RECEIVED);

    Map<String, String> fields = NotificationCodec.encode(notification);

    assertThat(fields).containsExactly(
        Map.entry("vendor", "google"), Map.entry("channelId", "chan-1"), Map.entry("provider", "team-a/alice-google"),
        Map.entry("kind", "change"), Map.entry("resourceState", "exists"), Map.entry("receivedAt", "1772359200123"));
    assertThat(NotificationCodec.decode(fields)).isEqualTo(notification);
  }

  @Test
  void graphChangeHasNeitherResourceStateNorLifecycleEvent() {
    Notification notification = Notification.graphChange("sub-1", "team-a/bob-outlook", RECEIVED);

    Map<String, String> fields = NotificationCodec.encode(notification);

    assertThat(fields).containsOnlyKeys("vendor", "channelId", "provider", "kind", "receivedAt")
        .containsEntry("vendor", "microsoft").containsEntry("kind", "change");
    assertThat(NotificationCodec.decode(fields)).isEqualTo(notification);
  }

  @Test
  void graphLifecycleEventsUseGraphSpelling() {
    for (LifecycleEvent event : LifecycleEvent.values()) {
      Notification notification = Notification.graphLifecycle("sub-1", "team-a/bob-outlook", event, RECEIVED);

      Map<String, String> fields = NotificationCodec.encode(notification);

      assertThat(fields).containsEntry("kind", "lifecycle").containsEntry("lifecycleEvent", event.wireName());
      assertThat(NotificationCodec.decode(fields)).isEqualTo(notification);
    }
    assertThat(LifecycleEvent.fromWireName("reauthorizationRequired")).contains(LifecycleEvent.REAUTHORIZATION_REQUIRED);
    assertThat(LifecycleEvent.fromWireName("subscriptionRemoved")).contains(LifecycleEvent.SUBSCRIPTION_REMOVED);
    assertThat(LifecycleEvent.fromWireName("missed")).contains(LifecycleEvent.MISSED);
  }

  @Test
  void malformedEntriesAreErrorsNamingTheField() {
    Map<String, String> fields = new HashMap<>(NotificationCodec.encode(
        Notification.googleChange("chan-1", "team-a/alice-google", ResourceState.NOT_EXISTS, RECEIVED)));
    fields.put("vendor", "yahoo");

    assertThatThrownBy(() -> NotificationCodec.decode(fields)).hasMessage("notification has an unknown vendor");
    fields.remove("vendor");
    assertThatThrownBy(() -> NotificationCodec.decode(fields)).hasMessage("notification has no vendor");
  }

  @Test
  void kindsAndFieldsMustAgree() {
    assertThatThrownBy(() -> new Notification(VendorName.MICROSOFT, "s", "p/q", NotificationKind.CHANGE,
        LifecycleEvent.MISSED, null, RECEIVED)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Notification(VendorName.MICROSOFT, "s", "p/q", NotificationKind.CHANGE, null,
        ResourceState.EXISTS, RECEIVED)).isInstanceOf(IllegalArgumentException.class);
  }
}
