package io.calendarsync.operator.vendor.google;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class GoogleTimeZonesTest {

  @Test
  void namesRegionsAsTheyAreAndWholeHourOffsetsAsEtcZones() {
    assertThat(GoogleTimeZones.nameOf(ZoneId.of("Europe/Berlin"))).contains("Europe/Berlin");
    assertThat(GoogleTimeZones.nameOf(ZoneOffset.UTC)).contains("UTC");
    assertThat(GoogleTimeZones.nameOf(ZoneOffset.ofHours(-5))).contains("Etc/GMT+5");
    assertThat(GoogleTimeZones.nameOf(ZoneOffset.ofHoursMinutes(9, 30))).isEmpty();
    assertThat(ZoneId.of(GoogleTimeZones.nameOf(ZoneOffset.ofHours(-5)).orElseThrow()).getRules().getOffset(
        Instant.EPOCH)).isEqualTo(ZoneOffset.ofHours(-5));
  }

  @Test
  void readsKnownNamesOnly() {
    assertThat(GoogleTimeZones.named("Europe/Berlin")).contains(ZoneId.of("Europe/Berlin"));
    assertThat(GoogleTimeZones.named("Mars/Olympus_Mons")).isEmpty();
    assertThat(GoogleTimeZones.named(null)).isEmpty();
  }

  @Test
  void aBareOffsetBecomesTheRegionThatNamesIt() {
    assertThat(GoogleTimeZones.named("Z")).contains(java.time.ZoneId.of("UTC"));
    assertThat(GoogleTimeZones.named("+02:00")).contains(java.time.ZoneId.of("Etc/GMT-2"));
    assertThat(GoogleTimeZones.named("+05:30")).isEmpty();
  }
}
