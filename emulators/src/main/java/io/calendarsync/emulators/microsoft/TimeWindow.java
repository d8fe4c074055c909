package io.calendarsync.emulators.microsoft;

import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Request;
import java.time.Instant;

/** The [startDateTime, endDateTime) window calendarView, its delta and instances require. */
record TimeWindow(Instant from, Instant to) {

    static TimeWindow of(Request request) {
        String start = request.query("startDateTime").orElse(null);
        String end = request.query("endDateTime").orElse(null);
        if (start == null || end == null) {
            throw new ApiError(400, "ErrorInvalidParameter", "This request requires a time window specified by the "
                    + "query string parameters StartDateTime and EndDateTime.");
        }
        return new TimeWindow(GraphTimes.parseInstant(start), GraphTimes.parseInstant(end));
    }
}
