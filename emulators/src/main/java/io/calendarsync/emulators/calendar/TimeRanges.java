package io.calendarsync.emulators.calendar;

import java.time.Instant;

/** The one definition of "an event is in a time window" that lists, views and expansions share. */
public final class TimeRanges {

    private TimeRanges() {
    }

    /** [begins, ends) overlaps [from, to); an event with no duration counts when it starts inside the window. */
    public static boolean overlaps(Instant begins, Instant ends, Instant from, Instant to) {
        if (!begins.isBefore(to)) {
            return false;
        }
        return ends.isAfter(from) || (ends.equals(begins) && !begins.isBefore(from));
    }
}
