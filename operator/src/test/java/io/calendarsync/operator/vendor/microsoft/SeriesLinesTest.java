package io.calendarsync.operator.vendor.microsoft;

import io.calendarsync.operator.vendor.VendorException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesLinesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void exclusionsAreReadInEveryFormAndWrittenInTheSeriesZone() throws Exception {
    SeriesLines lines = SeriesLines.parse(List.of("RRULE:FREQ=DAILY", "EXDATE;TZID=Europe/Berlin:20260202T090000",
        "EXDATE:20260203T080000Z,20260204T090000"), BERLIN, false);

    assertThat(lines.rrule()).isEqualTo("RRULE:FREQ=DAILY");
    assertThat(lines.excluded()).extracting(OriginalStart::time).containsExactly(
        Instant.parse("2026-02-02T08:00:00Z"), Instant.parse("2026-02-03T08:00:00Z"),
        Instant.parse("2026-02-04T08:00:00Z"));
    assertThat(SeriesLines.exdates(lines.excluded(), BERLIN)).containsExactly(
        "EXDATE;TZID=Europe/Berlin:20260202T090000", "EXDATE;TZID=Europe/Berlin:20260203T090000",
        "EXDATE;TZID=Europe/Berlin:20260204T090000");
  }

  @Test
  void allDayExclusionsAreDates() throws Exception {
    SeriesLines lines = SeriesLines.parse(List.of("RRULE:FREQ=DAILY", "EXDATE;VALUE=DATE:20260202"), BERLIN, true);

    assertThat(lines.excluded()).extracting(OriginalStart::date).containsExactly(LocalDate.parse("2026-02-02"));
    assertThat(SeriesLines.exdates(lines.excluded(), BERLIN)).containsExactly("EXDATE;VALUE=DATE:20260202");
  }

  @Test
  void linesOutlookHasNoPlaceForAreRejected() {
    for (List<String> lines : List.of(List.of("RRULE:FREQ=DAILY", "RRULE:FREQ=WEEKLY"),
        List.of("RRULE:FREQ=DAILY", "RDATE:20260210T090000Z"), List.of("RRULE:FREQ=DAILY", "EXRULE:FREQ=WEEKLY"),
        List.of("EXDATE:20260210T090000Z"))) {
      assertThatThrownBy(() -> SeriesLines.parse(lines, BERLIN, false))
          .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(REJECTED));
    }
  }
}
