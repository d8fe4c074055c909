package io.calendarsync.emulators.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Json;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When an event happens. All-day events ({@code date}) are whole days in the calendar's zone; timed events
 * ({@code dateTime}) live in {@code timeZone} when given, else at the offset written in the value.
 */
record GoogleEventTiming(boolean allDay, ZonedDateTime start, ZonedDateTime end) {

    Duration duration() {
        return Duration.between(start, end);
    }

    ZoneId zone() {
        return start.getZone();
    }

    /** Reads and checks the times of an event being written, with the messages Google uses. */
    static GoogleEventTiming of(ObjectNode event, ZoneId calendarZone) {
        JsonNode start = event.get("start");
        JsonNode end = event.get("end");
        if (start == null || start.isNull() || (!start.hasNonNull("date") && !start.hasNonNull("dateTime"))) {
            throw new ApiError(400, "required", "Missing start time.");
        }
        if (end == null || end.isNull() || (!end.hasNonNull("date") && !end.hasNonNull("dateTime"))) {
            throw new ApiError(400, "required", "Missing end time.");
        }
        if ((start.hasNonNull("date") && start.hasNonNull("dateTime"))
                || (end.hasNonNull("date") && end.hasNonNull("dateTime"))) {
            throw new ApiError(400, "invalid", "A time is either a date or a dateTime, not both.");
        }
        boolean allDay = start.hasNonNull("date");
        if (allDay != end.hasNonNull("date")) {
            throw new ApiError(400, "invalid", "Start and end times must either both be date or both be dateTime.");
        }
        GoogleEventTiming timing = allDay
                ? new GoogleEventTiming(true, day(start, calendarZone), day(end, calendarZone))
                : new GoogleEventTiming(false, moment(start, "start"), moment(end, "end"));
        if (timing.end.isBefore(timing.start) || (allDay && !timing.end.isAfter(timing.start))) {
            throw new ApiError(400, "timeRangeEmpty", "The specified time range is empty.");
        }
        return timing;
    }

    private static ZonedDateTime day(JsonNode node, ZoneId calendarZone) {
        try {
            return LocalDate.parse(node.get("date").asText()).atStartOfDay(calendarZone);
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "invalid", "Invalid value for date: " + node.get("date").asText());
        }
    }

    private static ZonedDateTime moment(JsonNode node, String field) {
        OffsetDateTime value = GoogleTimes.parseDateTime(node.get("dateTime").asText(), field + ".dateTime");
        ZoneId zone = timeZone(node).orElse(value.getOffset());
        return value.atZoneSameInstant(zone);
    }

    static Optional<ZoneId> timeZone(JsonNode node) {
        return Json.text(node, "timeZone").map(name -> {
            try {
                return ZoneId.of(name);
            } catch (DateTimeException e) {
                throw new ApiError(400, "invalid",
                        "Invalid time zone definition for time: " + name);
            }
        });
    }
}
