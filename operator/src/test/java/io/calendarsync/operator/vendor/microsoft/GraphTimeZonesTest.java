package io.calendarsync.operator.vendor.microsoft;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class GraphTimeZonesTest {

  @Test
  void ianaZonesAreSentByTheirWindowsName() {
    assertThat(GraphTimeZones.windowsName(ZoneId.of("Europe/Berlin"))).isEqualTo("W. Europe Standard Time");
    assertThat(GraphTimeZones.windowsName(ZoneId.of("America/New_York"))).isEqualTo("Eastern Standard Time");
    assertThat(GraphTimeZones.windowsName(ZoneOffset.UTC)).isEqualTo("UTC");
    assertThat(GraphTimeZones.windowsName(ZoneOffset.ofHours(3))).isEqualTo("E. Africa Standard Time");
    assertThat(GraphTimeZones.windowsName(ZoneOffset.ofHoursMinutes(5, 45))).as("no Windows zone: UTC")
        .isEqualTo("UTC");
  }

  @Test
  void windowsNamesAreReadAsTheirRepresentativeZoneWithItsCurrentName() {
    assertThat(GraphTimeZones.zoneOf("W. Europe Standard Time")).contains(ZoneId.of("Europe/Berlin"));
    assertThat(GraphTimeZones.zoneOf("India Standard Time")).contains(ZoneId.of("Asia/Kolkata"));
    assertThat(GraphTimeZones.zoneOf("Europe/Paris")).as("Graph also takes IANA ids").contains(ZoneId.of("Europe/Paris"));
    assertThat(GraphTimeZones.zoneOf("tzone://Microsoft/Custom")).isEmpty();
  }
}
