package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Json;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a Graph event happens: its start and end dateTimeTimeZones resolved to zoned times. */
record GraphEventTiming(boolean allDay, ZonedDateTime start, ZonedDateTime end) {

    static GraphEventTiming of(JsonNode event) {
        ZonedDateTime start = time(event.get("start"), "start");
        ZonedDateTime end = time(event.get("end"), "end");
        boolean allDay = event.path("isAllDay").asBoolean(false);
        if (end.isBefore(start)) {
            throw new ApiError(400, "ErrorInvalidRequest", "The end time of the event must be after its start time.");
        }
        if (allDay && (!start.toLocalTime().equals(LocalTime.MIDNIGHT) || !end.toLocalTime().equals(LocalTime.MIDNIGHT)
                || !end.isAfter(start))) {
            // The check that catches consumers which turn all-day dates into instants and back.
            throw new ApiError(400, "ErrorInvalidRequest",
                    "The start and end times of an all-day event must be at midnight and at least a day apart.");
        }
        return new GraphEventTiming(allDay, start, end);
    }

    /** The end of an occurrence starting at {@code occurrenceStart}: all-day ones span the same number of days. */
    ZonedDateTime endFor(ZonedDateTime occurrenceStart) {
        if (allDay) {
            return occurrenceStart.plus(Period.between(start.toLocalDate(), end.toLocalDate()))
                    .withZoneSameLocal(end.getZone());
        }
        return occurrenceStart.plus(Duration.between(start, end)).withZoneSameInstant(end.getZone());
    }

    Duration duration() {
        return Duration.between(start, end);
    }

    static ZoneId zone(JsonNode dateTimeTimeZone) {
        return WindowsTimeZones.resolve(Json.text(dateTimeTimeZone, "timeZone").orElse("UTC"));
    }

    private static ZonedDateTime time(JsonNode node, String field) {
        if (node == null || Json.text(node, "dateTime").isEmpty()) {
            throw new ApiError(400, "ErrorInvalidRequest", "The event's " + field + " must be specified.");
        }
        ZoneId zone = zone(node);
        return GraphTimes.parseLocal(node.get("dateTime").asText(), zone).atZone(zone);
    }
}
