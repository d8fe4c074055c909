package io.calendarsync.api.redis;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeduplicationKeysTest {

  @Test
  void sameDeliveryGivesTheSameKeyAndKeysLiveUnderTheVendor() {
    assertThat(DeduplicationKeys.google("chan-1", "7")).isEqualTo(DeduplicationKeys.google("chan-1", "7"))
        .matches("calsync:dedup:google:[0-9a-f]{64}");
    assertThat(DeduplicationKeys.graphChange("sub", "updated", "me/events/1", "W/\"1\""))
        .isEqualTo(DeduplicationKeys.graphChange("sub", "updated", "me/events/1", "W/\"1\""))
        .matches("calsync:dedup:microsoft:[0-9a-f]{64}");
  }

  @Test
  void anyDifferingPartGivesAnotherKey() {
    assertThat(DeduplicationKeys.google("chan-1", "7")).isNotEqualTo(DeduplicationKeys.google("chan-1", "8"))
        .isNotEqualTo(DeduplicationKeys.google("chan-2", "7"));
    String change = DeduplicationKeys.graphChange("sub", "updated", "me/events/1", "W/\"1\"");
    assertThat(change)
        .isNotEqualTo(DeduplicationKeys.graphChange("sub", "updated", "me/events/1", "W/\"2\""))
        .isNotEqualTo(DeduplicationKeys.graphChange("sub", "deleted", "me/events/1", "W/\"1\""))
        .isNotEqualTo(DeduplicationKeys.graphChange("sub", "updated", "me/events/2", "W/\"1\""));
    byte[] item = "{\"lifecycleEvent\":\"missed\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(DeduplicationKeys.graphLifecycle("sub", LifecycleEvent.MISSED, item))
        .isEqualTo(DeduplicationKeys.graphLifecycle("sub", LifecycleEvent.MISSED, item.clone()))
        .isNotEqualTo(DeduplicationKeys.graphLifecycle("sub", LifecycleEvent.MISSED, "{}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void partsCannotBeShiftedIntoEachOther() {
    assertThat(DeduplicationKeys.google("chan-1", "23")).isNotEqualTo(DeduplicationKeys.google("chan-12", "3"));
  }
}
