package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.recurrence.Frequency;
import io.calendarsync.emulators.recurrence.RecurrenceExpander;
import io.calendarsync.emulators.recurrence.RecurrenceRule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A series master's patternedRecurrence and its occurrences. Occurrence ids are {@code <masterId>_<UTC start stamp>}
 * (master ids never contain '_'), so an occurrence can be read, changed into an exception or cancelled by id.
 */
final class GraphSeries {

    static final int MAX_OCCURRENCES = 1000;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Map<String, Integer> INDEX = Map.of("first", 1, "second", 2, "third", 3, "fourth", 4,
            "last", -1);

    private final GraphEventTiming timing;
    private final RecurrenceRule rule;
    private final ZonedDateTime first;

    private GraphSeries(GraphEventTiming timing, RecurrenceRule rule, ZonedDateTime first) {
        this.timing = timing;
        this.rule = rule;
        this.first = first;
    }

    static boolean isSeriesMaster(JsonNode event) {
        return "seriesMaster".equals(event.path("type").asText());
    }

    static GraphSeries of(JsonNode master) {
        GraphEventTiming timing = GraphEventTiming.of(master);
        JsonNode recurrence = master.get("recurrence");
        JsonNode pattern = recurrence.path("pattern");
        JsonNode range = recurrence.path("range");
        LocalDate startDate = Json.text(range, "startDate").map(GraphSeries::date)
                .orElse(timing.start().toLocalDate());
        ZonedDateTime first = startDate.atTime(timing.start().toLocalTime()).atZone(timing.start().getZone());
        String type = Json.text(pattern, "type").orElseThrow(() -> invalid("recurrence.pattern.type is required"));
        int interval = Math.max(1, pattern.path("interval").asInt(1));
        List<DayOfWeek> days = new ArrayList<>();
        pattern.path("daysOfWeek").forEach(d -> days.add(dayOfWeek(d.asText())));
        DayOfWeek weekStart = Json.text(pattern, "firstDayOfWeek").map(GraphSeries::dayOfWeek).orElse(DayOfWeek.SUNDAY);
        Integer dayOfMonth = positive(pattern, "dayOfMonth");
        Integer month = positive(pattern, "month");
        Integer index = INDEX.get(pattern.path("index").asText("first"));
        RecurrenceRule.Builder builder = switch (type) {
            case "daily" -> new RecurrenceRule.Builder(Frequency.DAILY, interval);
            case "weekly" -> {
                if (days.isEmpty()) {
                    throw invalid("A weekly recurrence needs daysOfWeek.");
                }
                yield new RecurrenceRule.Builder(Frequency.WEEKLY, interval).byDay(days).weekStart(weekStart);
            }
            case "absoluteMonthly" -> new RecurrenceRule.Builder(Frequency.MONTHLY, interval).byMonthDay(dayOfMonth);
            case "relativeMonthly" -> new RecurrenceRule.Builder(Frequency.MONTHLY, interval).byDay(days).setPos(index);
            case "absoluteYearly" -> new RecurrenceRule.Builder(Frequency.YEARLY, interval).byMonthDay(dayOfMonth)
                    .byMonth(month);
            case "relativeYearly" -> new RecurrenceRule.Builder(Frequency.YEARLY, interval).byDay(days).setPos(index)
                    .byMonth(month);
            default -> throw invalid("Unsupported recurrence pattern type: " + type);
        };
        switch (range.path("type").asText("noEnd")) {
            case "endDate" -> builder.until(Json.text(range, "endDate").map(GraphSeries::date)
                    .orElseThrow(() -> invalid("An endDate range needs recurrence.range.endDate."))
                    .atTime(LocalTime.MAX));
            case "numbered" -> builder.count(Math.max(1, range.path("numberOfOccurrences").asInt(1)));
            case "noEnd" -> {
                // open-ended: expansion is bounded by the window asked for
            }
            default -> throw invalid("Unsupported recurrence range type: " + range.path("type").asText());
        }
        return new GraphSeries(timing, builder.build(), first);
    }

    List<ZonedDateTime> starts(Instant from, Instant to, int limit) {
        return RecurrenceExpander.occurrences(rule, first, timing.duration(), from, to, limit);
    }

    Optional<ZonedDateTime> occurrenceAt(Instant originalStart) {
        return starts(originalStart, originalStart.plusSeconds(1), MAX_OCCURRENCES).stream()
                .filter(s -> s.toInstant().equals(originalStart))
                .findFirst();
    }

    static String occurrenceId(String masterId, ZonedDateTime start) {
        return masterId + "_" + STAMP.format(start.withZoneSameInstant(ZoneOffset.UTC));
    }

    /** Master id and original start of an occurrence id; empty when it is not shaped like one. */
    static Optional<Map.Entry<String, Instant>> splitOccurrenceId(String id) {
        int underscore = id.lastIndexOf('_');
        if (underscore <= 0) {
            return Optional.empty();
        }
        try {
            Instant start = LocalDateTime.parse(id.substring(underscore + 1), STAMP).toInstant(ZoneOffset.UTC);
            return Optional.of(Map.entry(id.substring(0, underscore), start));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An occurrence in stored form: the master's fields at the occurrence's time. */
    ObjectNode occurrence(ObjectNode master, ZonedDateTime start) {
        String masterId = master.get("id").asText();
        ObjectNode occurrence = master.deepCopy();
        occurrence.remove("recurrence");
        occurrence.remove("transactionId");
        occurrence.put("id", occurrenceId(masterId, start));
        occurrence.put("type", "occurrence");
        occurrence.put("seriesMasterId", masterId);
        occurrence.put("originalStart", GraphTimes.utc(start.toInstant()));
        ZonedDateTime end = timing.endFor(start);
        ((ObjectNode) occurrence.get("start")).put("dateTime", GraphTimes.local(start.toLocalDateTime()));
        ((ObjectNode) occurrence.get("end")).put("dateTime", GraphTimes.local(end.toLocalDateTime()));
        return occurrence;
    }

    private static Integer positive(JsonNode pattern, String field) {
        int value = pattern.path(field).asInt(0);
        return value > 0 ? value : null;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("Invalid date in recurrence range: " + value);
        }
    }

    private static DayOfWeek dayOfWeek(String name) {
        try {
            return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid day of week: " + name);
        }
    }

    private static ApiError invalid(String message) {
        return new ApiError(400, "ErrorInvalidRequest", message);
    }
}
