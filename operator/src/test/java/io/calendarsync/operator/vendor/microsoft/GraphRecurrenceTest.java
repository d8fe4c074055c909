package io.calendarsync.operator.vendor.microsoft;

import com.microsoft.graph.models.DayOfWeek;
import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRangeType;
import com.microsoft.graph.models.WeekIndex;
import io.calendarsync.operator.vendor.VendorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RRULE ↔ patternedRecurrence without a server. */
class GraphRecurrenceTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String W_EUROPE = "W. Europe Standard Time";
  /** Wednesday 7 January 2026, 09:00 in Berlin. */
  private static final LocalDateTime START = LocalDateTime.parse("2026-01-07T09:00:00");

  @Test
  void aWeeklyRuleBecomesAWeeklyPatternWithACount() throws Exception {
    PatternedRecurrence recurrence = toGraph("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10");

    assertThat(recurrence.getPattern().getType()).isEqualTo(RecurrencePatternType.Weekly);
    assertThat(recurrence.getPattern().getDaysOfWeek()).containsExactly(DayOfWeek.Monday, DayOfWeek.Wednesday);
    assertThat(recurrence.getPattern().getFirstDayOfWeek()).as("RFC 5545 weeks start on Monday")
        .isEqualTo(DayOfWeek.Monday);
    assertThat(recurrence.getRange().getType()).isEqualTo(RecurrenceRangeType.Numbered);
    assertThat(recurrence.getRange().getNumberOfOccurrences()).isEqualTo(10);
    assertThat(recurrence.getRange().getStartDate()).isEqualTo(LocalDate.parse("2026-01-07"));
    assertThat(recurrence.getRange().getRecurrenceTimeZone()).isEqualTo(W_EUROPE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "RRULE:FREQ=DAILY",
      "RRULE:FREQ=DAILY;INTERVAL=3;COUNT=5",
      "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10",
      "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=SU",
      "RRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15",
      "RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231T080000Z",
      "RRULE:FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1",
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=7",
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU;COUNT=4"})
  void rulesInTheOrderGraphReadsThemBackComeBackUnchanged(String rule) throws Exception {
    assertThat(GraphRecurrence.toRule(toGraph(rule), START, false, BERLIN)).isEqualTo(rule);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "RRULE:FREQ=WEEKLY                                   | RRULE:FREQ=WEEKLY;BYDAY=WE",
      "RRULE:FREQ=MONTHLY                                  | RRULE:FREQ=MONTHLY;BYMONTHDAY=7",
      "RRULE:FREQ=YEARLY                                   | RRULE:FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=7",
      "RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=2              | RRULE:FREQ=MONTHLY;BYDAY=2MO",
      "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR               | RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      "RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=20260301T235959Z   | RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=20260301T080000Z",
      "RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=20260301T070000Z   | RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=20260228T080000Z"})
  void implicitPartsComeBackExplicitAndEquivalent(String written, String read) throws Exception {
    assertThat(GraphRecurrence.toRule(toGraph(written), START, false, BERLIN)).isEqualTo(read);
  }

  @Test
  void allDaySeriesEndOnADate() throws Exception {
    PatternedRecurrence recurrence = GraphRecurrence.toGraph("RRULE:FREQ=DAILY;UNTIL=20260301",
        START.toLocalDate().atStartOfDay(), true, BERLIN, W_EUROPE);

    assertThat(recurrence.getRange().getType()).isEqualTo(RecurrenceRangeType.EndDate);
    assertThat(recurrence.getRange().getEndDate()).isEqualTo(LocalDate.parse("2026-03-01"));
    assertThat(GraphRecurrence.toRule(recurrence, START.toLocalDate().atStartOfDay(), true, BERLIN))
        .isEqualTo("RRULE:FREQ=DAILY;UNTIL=20260301");
  }

  @Test
  void theNthWeekDayOfAMonthIsARelativePattern() throws Exception {
    PatternedRecurrence recurrence = toGraph("RRULE:FREQ=MONTHLY;BYDAY=-1FR");

    assertThat(recurrence.getPattern().getType()).isEqualTo(RecurrencePatternType.RelativeMonthly);
    assertThat(recurrence.getPattern().getIndex()).isEqualTo(WeekIndex.Last);
    assertThat(recurrence.getPattern().getDaysOfWeek()).containsExactly(DayOfWeek.Friday);
    assertThat(recurrence.getRange().getType()).isEqualTo(RecurrenceRangeType.NoEnd);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "RRULE:FREQ=DAILY;BYHOUR=9,15               | BYHOUR",
      "RRULE:FREQ=HOURLY                          | daily at most",
      "RRULE:FREQ=MONTHLY;BYMONTHDAY=1,15         | one day of the month",
      "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1           | one day of the month",
      "RRULE:FREQ=MONTHLY;BYDAY=5MO               | first to fourth or last",
      "RRULE:FREQ=MONTHLY;BYDAY=MO,TU             | one week day with its position",
      "RRULE:FREQ=YEARLY;BYMONTH=1,6              | one month only",
      "RRULE:FREQ=YEARLY;BYWEEKNO=20              | BYWEEKNO",
      "RRULE:FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2      | BYSETPOS in a weekly rule",
      "RRULE:FREQ=DAILY;INTERVAL=2;BYDAY=MO       | interval",
      "RRULE:FREQ=SOMETIMES                       | invalid recurrence rule"})
  void rulesOutlookCannotExpressAreRejectedWithTheReason(String rule, String reason) {
    assertThatThrownBy(() -> toGraph(rule))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.kind()).isEqualTo(REJECTED);
          assertThat(e.getMessage()).contains(rule, reason);
        });
  }

  @Test
  void aSeriesExpandsToTheOccurrencesItsRuleGives() throws Exception {
    assertThat(SeriesExpansion.starts("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10", LocalDateTime.parse(
        "2026-01-05T09:00:00"), false, BERLIN, Instant.parse("2027-01-01T00:00:00Z")))
        .hasSize(10)
        .first().isEqualTo(new OriginalStart(Instant.parse("2026-01-05T08:00:00Z"), null));
  }

  private static PatternedRecurrence toGraph(String rule) throws VendorException {
    return GraphRecurrence.toGraph(rule, START, false, BERLIN, W_EUROPE);
  }
}
