package io.calendarsync.emulators.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceExpanderTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant ALWAYS_FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant ALWAYS_TO = Instant.parse("2100-01-01T00:00:00Z");

    private static List<String> dates(RecurrenceRule rule, String first, int limit) {
        return RecurrenceExpander.occurrences(rule, LocalDateTime.parse(first).atZone(BERLIN), Duration.ofHours(1),
                ALWAYS_FROM, ALWAYS_TO, limit).stream().map(z -> z.toLocalDateTime().toString()).toList();
    }

    @Test
    void everyOtherWeekOnTwoDaysWithACount() {
        RecurrenceRule rule = new RecurrenceRule.Builder(Frequency.WEEKLY, 2)
                .byDay(List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)).count(5).build();

        assertThat(dates(rule, "2026-01-05T09:00", 100)).containsExactly("2026-01-05T09:00", "2026-01-08T09:00",
                "2026-01-19T09:00", "2026-01-22T09:00", "2026-02-02T09:00");
    }

    @Test
    void keepsTheLocalTimeAcrossDaylightSaving() {
        RecurrenceRule rule = new RecurrenceRule.Builder(Frequency.DAILY, 1).count(3).build();

        List<ZonedDateTime> starts = RecurrenceExpander.occurrences(rule,
                LocalDateTime.parse("2026-03-28T09:00").atZone(BERLIN), Duration.ofHours(1), ALWAYS_FROM, ALWAYS_TO, 10);

        assertThat(starts).extracting(ZonedDateTime::toInstant).containsExactly(
                Instant.parse("2026-03-28T08:00:00Z"), Instant.parse("2026-03-29T07:00:00Z"),
                Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void monthlyOnThe31stSkipsShortMonths() {
        RecurrenceRule rule = new RecurrenceRule.Builder(Frequency.MONTHLY, 1).byMonthDay(31).count(3).build();

        assertThat(dates(rule, "2026-01-31T09:00", 10)).containsExactly("2026-01-31T09:00", "2026-03-31T09:00",
                "2026-05-31T09:00");
    }

    @Test
    void relativeMonthlyLastFridayUntilADate() {
        RecurrenceRule rule = new RecurrenceRule.Builder(Frequency.MONTHLY, 1).byDay(List.of(DayOfWeek.FRIDAY))
                .setPos(-1).until(LocalDateTime.parse("2026-03-27T23:59:59")).build();

        assertThat(dates(rule, "2026-01-30T16:00", 10)).containsExactly("2026-01-30T16:00", "2026-02-27T16:00",
                "2026-03-27T16:00");
    }

    @Test
    void yearlyOnAMonthAndDay() {
        RecurrenceRule rule = new RecurrenceRule.Builder(Frequency.YEARLY, 1).byMonth(2).byMonthDay(29).count(2).build();

        assertThat(dates(rule, "2024-02-29T09:00", 10)).containsExactly("2024-02-29T09:00", "2028-02-29T09:00");
    }

    @Test
    void onlyOccurrencesOverlappingTheWindowAreReturned() {
        RecurrenceRule rule = new RecurrenceRule.Builder(Frequency.DAILY, 1).build();

        List<ZonedDateTime> starts = RecurrenceExpander.occurrences(rule,
                LocalDateTime.parse("2026-01-01T09:00").atZone(BERLIN), Duration.ofHours(1),
                Instant.parse("2026-01-10T08:30:00Z"), Instant.parse("2026-01-12T08:00:00Z"), 10);

        assertThat(starts).extracting(z -> z.toLocalDate().toString()).containsExactly("2026-01-10", "2026-01-11");
    }
}
