package io.calendarsync.emulators.microsoft;

import io.calendarsync.emulators.http.ApiError;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Graph's time formats: seven fractional digits everywhere, local date-times plus a zone name for event times. */
final class GraphTimes {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");
    private static final DateTimeFormatter UTC_STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OFFSET_STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);

    private GraphTimes() {
    }

    /** {@code dateTime} of a dateTimeTimeZone, e.g. {@code 2026-01-05T09:00:00.0000000}. */
    static String local(LocalDateTime time) {
        return LOCAL.format(time);
    }

    /** {@code createdDateTime}, {@code lastModifiedDateTime}, {@code originalStart}. */
    static String utc(Instant instant) {
        return UTC_STAMP.format(instant);
    }

    /** Notification payloads write {@code +00:00} instead of {@code Z}. */
    static String withOffset(Instant instant) {
        return OFFSET_STAMP.format(instant);
    }

    /** A dateTimeTimeZone's {@code dateTime} in {@code zone}; a value carrying its own offset is converted. */
    static LocalDateTime parseLocal(String value, ZoneId zone) {
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException local) {
            try {
                return OffsetDateTime.parse(value).atZoneSameInstant(zone).toLocalDateTime();
            } catch (DateTimeParseException e) {
                throw invalid(value);
            }
        }
    }

    /** Query parameters such as {@code startDateTime}: with an offset, or UTC when it has none. */
    static Instant parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return parseLocal(value, ZoneOffset.UTC).toInstant(ZoneOffset.UTC);
        }
    }

    private static ApiError invalid(String value) {
        return new ApiError(400, "ErrorInvalidRequest", "Cannot convert the literal '" + value + "' to a date-time.");
    }
}
