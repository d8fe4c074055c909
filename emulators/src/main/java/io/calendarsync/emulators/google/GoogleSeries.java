package io.calendarsync.emulators.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.calendar.TimeRanges;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.recurrence.Frequency;
import io.calendarsync.emulators.recurrence.RecurrenceExpander;
import io.calendarsync.emulators.recurrence.RecurrenceRule;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A recurring event's {@code recurrence} lines (one RRULE, any EXDATE / RDATE) and its instances. Instance ids follow
 * Google: {@code <masterId>_<yyyyMMdd'T'HHmmss'Z'>} for timed series and {@code <masterId>_<yyyyMMdd>} for all-day
 * ones, so an instance can be read, changed (becoming an exception) or cancelled by id before it was ever stored.
 */
final class GoogleSeries {

    /** Google stops expanding an open-ended series after this many instances per request. */
    static final int MAX_INSTANCES = 730;
    static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private static final DateTimeFormatter TIMED_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter DATE_STAMP = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);

    private final GoogleEventTiming timing;
    private final RecurrenceRule rule;
    private final Set<LocalDateTime> exdates = new HashSet<>();
    private final List<LocalDateTime> rdates = new ArrayList<>();

    private GoogleSeries(GoogleEventTiming timing, RecurrenceRule rule) {
        this.timing = timing;
        this.rule = rule;
    }

    static boolean isRecurring(JsonNode event) {
        JsonNode recurrence = event.get("recurrence");
        return recurrence != null && recurrence.isArray() && !recurrence.isEmpty();
    }

    static GoogleSeries of(ObjectNode master, ZoneId calendarZone) {
        GoogleEventTiming timing = GoogleEventTiming.of(master, calendarZone);
        RecurrenceRule rule = null;
        List<String> dateLines = new ArrayList<>();
        for (JsonNode line : master.get("recurrence")) {
            String text = line.asText().trim();
            String upper = text.toUpperCase(Locale.ROOT);
            if (upper.startsWith("RRULE:")) {
                if (rule != null) {
                    throw unsupported("more than one RRULE");
                }
                rule = parseRule(text.substring(6), timing);
            } else if (upper.startsWith("EXDATE") || upper.startsWith("RDATE")) {
                dateLines.add(text);
            } else {
                throw new ApiError(400, "invalid", "Invalid recurrence rule: " + text);
            }
        }
        GoogleSeries series = new GoogleSeries(timing, rule);
        for (String line : dateLines) {
            List<LocalDateTime> dates = parseDates(line, timing);
            if (line.toUpperCase(Locale.ROOT).startsWith("EXDATE")) {
                series.exdates.addAll(dates);
            } else {
                series.rdates.addAll(dates);
            }
        }
        return series;
    }

    /** Instance starts overlapping [from, to), in order. */
    List<ZonedDateTime> starts(Instant from, Instant to, int limit) {
        List<ZonedDateTime> starts = new ArrayList<>();
        if (rule == null) {
            addIfOverlapping(starts, timing.start(), from, to);
        } else {
            for (ZonedDateTime start : RecurrenceExpander.occurrences(rule, timing.start(), timing.duration(), from,
                    to, limit + exdates.size())) {
                if (!exdates.contains(start.toLocalDateTime())) {
                    starts.add(start);
                }
            }
        }
        for (LocalDateTime rdate : rdates) {
            ZonedDateTime start = ZonedDateTime.of(rdate, timing.zone());
            if (starts.stream().noneMatch(s -> s.isEqual(start))) {
                addIfOverlapping(starts, start, from, to);
            }
        }
        starts.sort(ZonedDateTime::compareTo);
        return starts.size() > limit ? starts.subList(0, limit) : starts;
    }

    private void addIfOverlapping(List<ZonedDateTime> starts, ZonedDateTime start, Instant from, Instant to) {
        if (TimeRanges.overlaps(start.toInstant(), start.toInstant().plus(timing.duration()), from, to)) {
            starts.add(start);
        }
    }

    /** The instance starting at {@code originalStart}, if the series has one there. */
    Optional<ZonedDateTime> instanceAt(Instant originalStart) {
        return starts(originalStart, originalStart.plusSeconds(1), MAX_INSTANCES).stream()
                .filter(s -> s.toInstant().equals(originalStart))
                .findFirst();
    }

    String instanceId(String masterId, ZonedDateTime start) {
        String stamp = timing.allDay()
                ? DATE_STAMP.format(start.toLocalDate())
                : TIMED_STAMP.format(start.withZoneSameInstant(ZoneOffset.UTC));
        return masterId + "_" + stamp;
    }

    /** Splits an instance id into master id and original start; empty when it is not shaped like one. */
    static Optional<Map.Entry<String, String>> splitInstanceId(String id) {
        int underscore = id.lastIndexOf('_');
        if (underscore <= 0) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(id.substring(0, underscore), id.substring(underscore + 1)));
    }

    /** The original start an instance id's stamp names, for this series. */
    Optional<Instant> stampInstant(String stamp) {
        try {
            if (timing.allDay()) {
                return Optional.of(LocalDate.parse(stamp, DATE_STAMP).atStartOfDay(timing.zone()).toInstant());
            }
            return Optional.of(LocalDateTime.parse(stamp, TIMED_STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An instance as Google returns it: the master's fields at the instance's time, no recurrence. */
    ObjectNode instance(ObjectNode master, ZonedDateTime start) {
        String masterId = master.get("id").asText();
        ObjectNode instance = master.deepCopy();
        instance.remove("recurrence");
        instance.put("id", instanceId(masterId, start));
        instance.put("recurringEventId", masterId);
        instance.set("originalStartTime", time(master.get("start"), start));
        instance.set("start", time(master.get("start"), start));
        instance.set("end", time(master.get("end"), start.plus(timing.duration())));
        return instance;
    }

    private ObjectNode time(JsonNode template, ZonedDateTime value) {
        ObjectNode node = template.deepCopy();
        node.remove("date");
        node.remove("dateTime");
        if (timing.allDay()) {
            node.put("date", value.toLocalDate().toString());
        } else {
            node.put("dateTime", GoogleTimes.dateTime(value));
        }
        return node;
    }

    private static RecurrenceRule parseRule(String text, GoogleEventTiming timing) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new ApiError(400, "invalid", "Invalid recurrence rule: " + text);
            }
            parts.put(kv[0].toUpperCase(Locale.ROOT), kv[1].toUpperCase(Locale.ROOT));
        }
        try {
            String frequency = parts.remove("FREQ");
            if (frequency == null) {
                throw new IllegalArgumentException("FREQ is required");
            }
            RecurrenceRule.Builder rule = new RecurrenceRule.Builder(Frequency.valueOf(frequency),
                    Integer.parseInt(parts.getOrDefault("INTERVAL", "1")));
            parts.remove("INTERVAL");
            for (Map.Entry<String, String> part : parts.entrySet()) {
                String value = part.getValue();
                switch (part.getKey()) {
                    case "COUNT" -> rule.count(Integer.parseInt(value));
                    case "UNTIL" -> rule.until(parseUntil(value, timing));
                    case "BYMONTHDAY" -> rule.byMonthDay(Integer.parseInt(value));
                    case "BYMONTH" -> rule.byMonth(Integer.parseInt(value));
                    case "BYSETPOS" -> rule.setPos(Integer.parseInt(value));
                    case "WKST" -> rule.weekStart(day(value));
                    case "BYDAY" -> byDay(rule, value, parts.containsKey("BYSETPOS"));
                    default -> throw unsupported(part.getKey());
                }
            }
            return rule.build();
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeException e) {
            throw new ApiError(400, "invalid", "Invalid recurrence rule: " + text);
        }
    }

    /** {@code BYDAY=MO,WE} or {@code BYDAY=2MO} / {@code -1FR}: the ordinal is the same thing as BYSETPOS. */
    private static void byDay(RecurrenceRule.Builder rule, String value, boolean hasSetPos) {
        List<DayOfWeek> days = new ArrayList<>();
        Set<Integer> ordinals = new HashSet<>();
        for (String day : value.split(",")) {
            String ordinal = day.substring(0, day.length() - 2).replace("+", "");
            if (!ordinal.isEmpty()) {
                ordinals.add(Integer.parseInt(ordinal));
            }
            days.add(day(day.substring(day.length() - 2)));
        }
        if (ordinals.size() > 1 || (!ordinals.isEmpty() && hasSetPos)) {
            throw unsupported("BYDAY with different ordinals");
        }
        rule.byDay(days);
        ordinals.stream().findFirst().ifPresent(rule::setPos);
    }

    private static DayOfWeek day(String code) {
        DayOfWeek day = DAYS.get(code);
        if (day == null) {
            throw new IllegalArgumentException(code);
        }
        return day;
    }

    private static LocalDateTime parseUntil(String value, GoogleEventTiming timing) {
        if (value.length() == 8) {
            // A date-only UNTIL includes that whole day.
            return LocalDate.parse(value, DATE_STAMP).atTime(LocalTime.MAX);
        }
        if (value.endsWith("Z")) {
            return LocalDateTime.parse(value, TIMED_STAMP).atZone(ZoneOffset.UTC)
                    .withZoneSameInstant(timing.zone()).toLocalDateTime();
        }
        return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
    }

    /** EXDATE / RDATE values as local start times in the series' zone. */
    private static List<LocalDateTime> parseDates(String line, GoogleEventTiming timing) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new ApiError(400, "invalid", "Invalid recurrence rule: " + line);
        }
        List<LocalDateTime> dates = new ArrayList<>();
        try {
            ZoneId zone = timing.zone();
            for (String param : line.substring(0, colon).split(";")) {
                if (param.toUpperCase(Locale.ROOT).startsWith("TZID=")) {
                    zone = ZoneId.of(param.substring(5));
                }
            }
            for (String value : line.substring(colon + 1).split(",")) {
                String v = value.trim().toUpperCase(Locale.ROOT);
                if (v.length() == 8) {
                    dates.add(LocalDate.parse(v, DATE_STAMP).atTime(timing.start().toLocalTime()));
                } else if (v.endsWith("Z")) {
                    dates.add(LocalDateTime.parse(v, TIMED_STAMP).atZone(ZoneOffset.UTC)
                            .withZoneSameInstant(timing.zone()).toLocalDateTime());
                } else {
                    dates.add(LocalDateTime.parse(v, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")).atZone(zone)
                            .withZoneSameInstant(timing.zone()).toLocalDateTime());
                }
            }
        } catch (DateTimeException e) {
            throw new ApiError(400, "invalid", "Invalid recurrence rule: " + line);
        }
        return dates;
    }

    private static ApiError unsupported(String what) {
        return new ApiError(400, "invalid", "Recurrence rule part not supported by the emulator: " + what);
    }
}
