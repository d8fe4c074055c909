package io.calendarsync.emulators.google;

import io.calendarsync.emulators.http.ApiError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** RFC 3339 as the Calendar API writes and accepts it. */
final class GoogleTimes {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private GoogleTimes() {
    }

    /** {@code created} / {@code updated}: UTC with milliseconds. */
    static String timestamp(Instant instant) {
        return MILLIS.format(instant);
    }

    /** Event times: local time with the zone's offset at that moment. */
    static String dateTime(ZonedDateTime time) {
        return WITH_OFFSET.format(time);
    }

    static OffsetDateTime parseDateTime(String value, String field) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "invalid", "Invalid value for " + field + ": " + value);
        }
    }

    static Instant parseInstant(String value, String field) {
        return parseDateTime(value, field).toInstant();
    }
}
