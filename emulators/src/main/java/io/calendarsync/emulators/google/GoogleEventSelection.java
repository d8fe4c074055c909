package io.calendarsync.emulators.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.calendar.EventTable;
import io.calendarsync.emulators.calendar.StoredEvent;
import io.calendarsync.emulators.calendar.TimeRanges;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which events a list, incremental sync or instances call returns, and in what order. Stored exceptions (instances
 * changed or cancelled on their own) are ordinary events carrying {@code recurringEventId}; expanding a series skips
 * the instances they replace.
 */
final class GoogleEventSelection {

    private static final Instant FAR_PAST = Instant.parse("0001-01-01T00:00:00Z");

    private final EventTable events;
    private final ZoneId calendarZone;
    private final GoogleListQuery query;

    GoogleEventSelection(EventTable events, ZoneId calendarZone, GoogleListQuery query) {
        this.events = events;
        this.calendarZone = calendarZone;
        this.query = query;
    }

    List<ObjectNode> listed() {
        List<ObjectNode> result = new ArrayList<>();
        events.all().map(StoredEvent::body).filter(this::visible).filter(this::matchesFilters).forEach(event -> {
            if (query.singleEvents() && expandable(event)) {
                result.addAll(expand(event));
            } else if (inWindow(event)) {
                result.add(event.deepCopy());
            }
        });
        return ordered(result);
    }

    /** Everything changed since a sync point, cancelled included whatever showDeleted says. */
    List<ObjectNode> changedSince(long version) {
        List<ObjectNode> result = new ArrayList<>();
        events.changedSince(version).map(StoredEvent::body).forEach(event -> {
            if (query.singleEvents() && expandable(event)) {
                result.addAll(expand(event));
            } else {
                result.add(event.deepCopy());
            }
        });
        return result;
    }

    List<ObjectNode> instances(ObjectNode master) {
        String masterId = master.get("id").asText();
        Stream<ObjectNode> exceptions = events.all().map(StoredEvent::body)
                .filter(e -> masterId.equals(e.path("recurringEventId").asText(null)))
                .filter(e -> query.showDeleted() || !cancelled(e))
                .filter(this::inWindow)
                .map(ObjectNode::deepCopy);
        List<ObjectNode> result = new ArrayList<>(expand(master));
        exceptions.forEach(result::add);
        result.sort(Comparator.comparing(this::start));
        return result;
    }

    private List<ObjectNode> expand(ObjectNode master) {
        GoogleSeries series = GoogleSeries.of(master, calendarZone);
        String masterId = master.get("id").asText();
        List<ObjectNode> instances = new ArrayList<>();
        for (ZonedDateTime start : series.starts(from(), to(), GoogleSeries.MAX_INSTANCES)) {
            if (events.find(series.instanceId(masterId, start)).isEmpty()) {
                instances.add(series.instance(master, start));
            }
        }
        return instances;
    }

    private boolean visible(ObjectNode event) {
        if (!cancelled(event) || query.showDeleted() || query.updatedMin() != null) {
            return true;
        }
        // Google's documented oddity: cancelled exceptions stay listed unless showDeleted or singleEvents is set.
        return !query.singleEvents() && event.hasNonNull("recurringEventId");
    }

    private boolean matchesFilters(ObjectNode event) {
        if (query.updatedMin() != null && Instant.parse(event.get("updated").asText()).isBefore(query.updatedMin())) {
            return false;
        }
        if (query.iCalUID() != null && !query.iCalUID().equals(event.path("iCalUID").asText())) {
            return false;
        }
        if (query.text() != null && Stream.of("summary", "description", "location")
                .noneMatch(f -> event.path(f).asText("").toLowerCase(Locale.ROOT)
                        .contains(query.text().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        return hasProperties(event.path("extendedProperties").path("private"), query.privateProperties())
                && hasProperties(event.path("extendedProperties").path("shared"), query.sharedProperties());
    }

    private static boolean hasProperties(JsonNode properties, List<String> required) {
        for (String pair : required) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (!properties.has(key) || !properties.get(key).asText().equals(value)) {
                return false;
            }
        }
        return true;
    }

    private boolean inWindow(ObjectNode event) {
        if (query.timeMin() == null && query.timeMax() == null) {
            return true;
        }
        if (GoogleSeries.isRecurring(event)) {
            return !GoogleSeries.of(event, calendarZone).starts(from(), to(), 1).isEmpty();
        }
        GoogleEventTiming timing = GoogleEventTiming.of(event, calendarZone);
        return TimeRanges.overlaps(timing.start().toInstant(), timing.end().toInstant(), from(), to());
    }

    private boolean expandable(ObjectNode event) {
        return GoogleSeries.isRecurring(event) && !cancelled(event);
    }

    private List<ObjectNode> ordered(List<ObjectNode> result) {
        if ("startTime".equals(query.orderBy())) {
            result.sort(Comparator.comparing(this::start));
        } else if ("updated".equals(query.orderBy())) {
            result.sort(Comparator.comparing(e -> e.path("updated").asText()));
        }
        return result;
    }

    private Instant start(ObjectNode event) {
        return GoogleEventTiming.of(event, calendarZone).start().toInstant();
    }

    private Instant from() {
        return query.timeMin() != null ? query.timeMin() : FAR_PAST;
    }

    private Instant to() {
        return query.timeMax() != null ? query.timeMax() : GoogleSeries.FAR_FUTURE;
    }

    static boolean cancelled(JsonNode event) {
        return "cancelled".equals(event.path("status").asText());
    }
}
