package io.calendarsync.emulators.recurrence;

import io.calendarsync.emulators.calendar.TimeRanges;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a {@link RecurrenceRule} into occurrence starts. Occurrences keep the first one's local time of day in its
 * zone, so a 09:00 Berlin meeting stays at 09:00 across daylight-saving changes.
 */
public final class RecurrenceExpander {

    /** Guards against rules that never produce anything (e.g. the 31st of every February). */
    private static final int MAX_PERIODS = 100_000;

    private RecurrenceExpander() {
    }

    /**
     * Occurrences of the series that overlap [from, to), in time order, at most {@code limit}. An occurrence with zero
     * duration overlaps when it starts inside the window.
     */
    public static List<ZonedDateTime> occurrences(RecurrenceRule rule, ZonedDateTime first, Duration duration,
                                                  Instant from, Instant to, int limit) {
        LocalDateTime start = first.toLocalDateTime();
        LocalTime timeOfDay = start.toLocalTime();
        List<ZonedDateTime> result = new ArrayList<>();
        int produced = 0;
        for (int period = 0; period < MAX_PERIODS; period++) {
            for (LocalDate date : candidates(rule, start.toLocalDate(), period)) {
                LocalDateTime local = date.atTime(timeOfDay);
                if (local.isBefore(start)) {
                    continue;
                }
                if ((rule.until() != null && local.isAfter(rule.until()))
                        || (rule.count() != null && produced >= rule.count())) {
                    return result;
                }
                produced++;
                ZonedDateTime occurrence = ZonedDateTime.of(local, first.getZone());
                Instant begins = occurrence.toInstant();
                if (!begins.isBefore(to)) {
                    return result;
                }
                if (TimeRanges.overlaps(begins, begins.plus(duration), from, to)) {
                    result.add(occurrence);
                    if (result.size() >= limit) {
                        return result;
                    }
                }
            }
        }
        return result;
    }

    private static List<LocalDate> candidates(RecurrenceRule rule, LocalDate first, int period) {
        long step = (long) period * rule.interval();
        return switch (rule.frequency()) {
            case DAILY -> {
                LocalDate day = first.plusDays(step);
                yield rule.byDay().isEmpty() || rule.byDay().contains(day.getDayOfWeek()) ? List.of(day) : List.of();
            }
            case WEEKLY -> {
                LocalDate weekStart = first.with(TemporalAdjusters.previousOrSame(rule.weekStart())).plusWeeks(step);
                List<DayOfWeek> days = rule.byDay().isEmpty() ? List.of(first.getDayOfWeek()) : rule.byDay();
                List<LocalDate> dates = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    LocalDate day = weekStart.plusDays(i);
                    if (days.contains(day.getDayOfWeek())) {
                        dates.add(day);
                    }
                }
                yield dates;
            }
            case MONTHLY -> inMonth(rule, YearMonth.from(first).plusMonths(step), first);
            case YEARLY -> {
                Month month = rule.byMonth() != null ? Month.of(rule.byMonth()) : first.getMonth();
                yield inMonth(rule, YearMonth.of(Math.toIntExact(first.getYear() + step), month), first);
            }
        };
    }

    private static List<LocalDate> inMonth(RecurrenceRule rule, YearMonth month, LocalDate first) {
        if (!rule.byDay().isEmpty()) {
            List<LocalDate> matching = new ArrayList<>();
            for (int day = 1; day <= month.lengthOfMonth(); day++) {
                if (rule.byDay().contains(month.atDay(day).getDayOfWeek())) {
                    matching.add(month.atDay(day));
                }
            }
            if (rule.setPos() == null) {
                return matching;
            }
            int index = rule.setPos() > 0 ? rule.setPos() - 1 : matching.size() + rule.setPos();
            return index >= 0 && index < matching.size() ? List.of(matching.get(index)) : List.of();
        }
        int day = rule.byMonthDay() != null ? rule.byMonthDay() : first.getDayOfMonth();
        int resolved = day > 0 ? day : month.lengthOfMonth() + day + 1;
        return resolved >= 1 && resolved <= month.lengthOfMonth() ? List.of(month.atDay(resolved)) : List.of();
    }
}
