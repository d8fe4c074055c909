package io.calendarsync.emulators.recurrence;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The subset of RFC 5545 RRULE that both Google's RRULE lines and Graph's patternedRecurrence map onto.
 *
 * @param byDay      weekdays; for MONTHLY / YEARLY with {@code setPos} the n-th of them in the month
 * @param setPos     1..5 or -1 (last): Graph's {@code index}, RRULE's {@code BYSETPOS} or {@code BYDAY=2MO}
 * @param byMonthDay day of month, negative counts from the end; null means the first occurrence's day
 * @param byMonth    1..12 for YEARLY; null means the first occurrence's month
 * @param count      total number of occurrences, or null
 * @param until      last allowed start (inclusive), in the series' local time, or null
 */
public record RecurrenceRule(Frequency frequency, int interval, List<DayOfWeek> byDay, Integer setPos,
                             Integer byMonthDay, Integer byMonth, Integer count, LocalDateTime until,
                             DayOfWeek weekStart) {

    public RecurrenceRule {
        if (interval < 1) {
            throw new IllegalArgumentException("interval must be at least 1");
        }
        byDay = byDay == null ? List.of() : List.copyOf(byDay);
        weekStart = weekStart == null ? DayOfWeek.MONDAY : weekStart;
    }

    /** Collects the parts of a rule as a vendor format lists them. */
    public static final class Builder {

        private final Frequency frequency;
        private final int interval;
        private List<DayOfWeek> byDay = List.of();
        private Integer setPos;
        private Integer byMonthDay;
        private Integer byMonth;
        private Integer count;
        private LocalDateTime until;
        private DayOfWeek weekStart;

        public Builder(Frequency frequency, int interval) {
            this.frequency = frequency;
            this.interval = interval;
        }

        public Builder byDay(List<DayOfWeek> days) {
            this.byDay = days;
            return this;
        }

        public Builder setPos(Integer position) {
            this.setPos = position;
            return this;
        }

        public Builder byMonthDay(Integer day) {
            this.byMonthDay = day;
            return this;
        }

        public Builder byMonth(Integer month) {
            this.byMonth = month;
            return this;
        }

        public Builder count(Integer occurrences) {
            this.count = occurrences;
            return this;
        }

        public Builder until(LocalDateTime last) {
            this.until = last;
            return this;
        }

        public Builder weekStart(DayOfWeek day) {
            this.weekStart = day;
            return this;
        }

        public RecurrenceRule build() {
            return new RecurrenceRule(frequency, interval, byDay, setPos, byMonthDay, byMonth, count, until, weekStart);
        }
    }
}
