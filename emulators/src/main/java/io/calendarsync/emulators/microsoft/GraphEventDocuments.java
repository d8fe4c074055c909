package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.Ids;
import io.calendarsync.emulators.calendar.User;
import io.calendarsync.emulators.http.Json;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server-owned parts of a Graph event: what create adds, what PATCH may not touch, how every write moves
 * {@code changeKey} / {@code @odata.etag} / {@code lastModifiedDateTime}, and how a stored event is rendered for a
 * reader (time zone, extended properties). Stored events keep their times in the zone they were written in.
 */
final class GraphEventDocuments {

    private static final List<String> SERVER_OWNED = List.of("id", "createdDateTime", "iCalUId", "uid", "webLink",
            "organizer", "isOrganizer", "seriesMasterId", "originalStart", "@odata.context");
    private static final Map<String, Object> DEFAULTS = Map.of("isAllDay", false, "isCancelled", false,
            "isDraft", false, "sensitivity", "normal", "showAs", "busy", "importance", "normal",
            "responseRequested", true, "subject", "");
    private static final int PREVIEW_LENGTH = 255;
    // Real change keys start with the same few bytes; ours then carry the write's version, unique per change.
    private static final int CHANGE_KEY_PREFIX = 0x0F000000;

    private GraphEventDocuments() {
    }

    static ObjectNode created(ObjectNode input, String id, User owner, Instant now, long version, String baseUrl) {
        ObjectNode event = withoutAnnotations(input);
        event.put("id", id);
        event.put("createdDateTime", GraphTimes.utc(now));
        String uid = "040000008200E00074C5B7101A82E00800000000" + Ids.alphanumeric(24).toUpperCase(Locale.ROOT);
        if (!event.hasNonNull("iCalUId")) {
            event.put("iCalUId", uid);
        }
        event.put("uid", event.get("iCalUId").asText());
        event.put("webLink", baseUrl + "/owa/?itemid=" + id + "&exvsurl=1&path=/calendar/item");
        event.putObject("organizer").putObject("emailAddress").put("name", owner.displayName())
                .put("address", owner.email());
        event.put("isOrganizer", true);
        DEFAULTS.forEach((field, value) -> {
            if (!event.hasNonNull(field)) {
                event.set(field, Json.tree(value));
            }
        });
        if (!event.hasNonNull("attendees")) {
            event.putArray("attendees");
        }
        if (!event.hasNonNull("body")) {
            event.putObject("body").put("contentType", "html").put("content", "");
        }
        event.remove("type");
        return written(event, now, version);
    }

    /** PATCH: given top-level fields replace, extended properties are upserted by id. */
    static ObjectNode patched(ObjectNode previous, ObjectNode patch, Instant now, long version) {
        ObjectNode event = previous.deepCopy();
        withoutAnnotations(patch).fields().forEachRemaining(entry -> {
            if (entry.getKey().equals("singleValueExtendedProperties") && entry.getValue().isArray()) {
                upsertProperties(event, (ArrayNode) entry.getValue());
            } else {
                event.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
        for (String field : SERVER_OWNED) {
            if (previous.has(field)) {
                event.set(field, previous.get(field).deepCopy());
            } else {
                event.remove(field);
            }
        }
        event.put("type", previous.get("type").asText());
        return written(event, now, version);
    }

    /** An occurrence changed on its own becomes an exception of its series. */
    static ObjectNode exception(ObjectNode occurrence, ObjectNode patch, Instant now, long version) {
        ObjectNode event = patched(occurrence, patch, now, version);
        event.put("type", "exception");
        return event;
    }

    static String changeKey(ObjectNode event) {
        return event.path("changeKey").asText();
    }

    /** If-Match may carry the {@code @odata.etag} ({@code W/"..."}) or the bare change key. */
    static boolean matches(ObjectNode event, String ifMatch) {
        if (ifMatch == null || ifMatch.equals("*")) {
            return true;
        }
        String bare = ifMatch.replaceFirst("^W/", "").replace("\"", "");
        return bare.equals(changeKey(event));
    }

    static List<String> attendeeAddresses(JsonNode event) {
        return event.path("attendees").findValuesAsText("address");
    }

    /** A stored event as a reader sees it. */
    static ObjectNode render(ObjectNode stored, GraphReadOptions options) {
        ObjectNode event = stored.deepCopy();
        boolean allDay = event.path("isAllDay").asBoolean(false);
        for (String field : List.of("start", "end")) {
            ObjectNode time = Json.objectField(event, field);
            if (time != null) {
                if (!allDay) {
                    // All-day events are floating dates: only the label moves, or they would shift by the offset.
                    ZoneId zone = GraphEventTiming.zone(time);
                    LocalDateTime local = GraphTimes.parseLocal(time.get("dateTime").asText(), zone)
                            .atZone(zone).withZoneSameInstant(options.zone()).toLocalDateTime();
                    time.put("dateTime", GraphTimes.local(local));
                }
                time.put("timeZone", options.timeZoneName());
            }
        }
        JsonNode properties = event.remove("singleValueExtendedProperties");
        Set<String> wanted = options.expandedProperties();
        if (wanted != null && properties != null) {
            ArrayNode kept = event.putArray("singleValueExtendedProperties");
            properties.forEach(p -> {
                if (wanted.isEmpty() || wanted.contains(p.path("id").asText().toLowerCase(Locale.ROOT))) {
                    kept.add(p);
                }
            });
        }
        return event;
    }

    /** The SDK sends OData control annotations ({@code @odata.type}); they are not event fields. */
    private static ObjectNode withoutAnnotations(ObjectNode input) {
        ObjectNode copy = input.deepCopy();
        copy.remove(List.of("@odata.type", "@odata.context", "@odata.etag", "@odata.id"));
        return copy;
    }

    private static void upsertProperties(ObjectNode event, ArrayNode changes) {
        ArrayNode properties = event.has("singleValueExtendedProperties")
                ? (ArrayNode) event.get("singleValueExtendedProperties")
                : event.putArray("singleValueExtendedProperties");
        for (JsonNode change : changes) {
            String id = change.path("id").asText();
            for (int i = properties.size() - 1; i >= 0; i--) {
                if (properties.get(i).path("id").asText().equalsIgnoreCase(id)) {
                    properties.remove(i);
                }
            }
            properties.add(change.deepCopy());
        }
    }

    /** Normalises times and derived fields and stamps the write. */
    private static ObjectNode written(ObjectNode event, Instant now, long version) {
        for (String field : List.of("start", "end")) {
            ObjectNode time = Json.objectField(event, field);
            if (time != null && time.hasNonNull("dateTime")) {
                String zoneName = Json.text(time, "timeZone").orElse("UTC");
                time.put("timeZone", zoneName);
                time.put("dateTime", GraphTimes.local(GraphTimes.parseLocal(time.get("dateTime").asText(),
                        WindowsTimeZones.resolve(zoneName))));
                event.put(field.equals("start") ? "originalStartTimeZone" : "originalEndTimeZone", zoneName);
            }
        }
        if (!event.has("type") || event.get("type").asText().equals("singleInstance")
                || event.get("type").asText().equals("seriesMaster")) {
            event.put("type", event.path("recurrence").isObject() ? "seriesMaster" : "singleInstance");
        }
        String content = event.path("body").path("content").asText("");
        String preview = content.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        event.put("bodyPreview", preview.length() > PREVIEW_LENGTH ? preview.substring(0, PREVIEW_LENGTH) : preview);
        String changeKey = Base64.getEncoder().encodeToString(ByteBuffer.allocate(12).putInt(CHANGE_KEY_PREFIX)
                .putLong(version).array());
        event.put("changeKey", changeKey);
        event.put("@odata.etag", "W/\"" + changeKey + "\"");
        event.put("lastModifiedDateTime", GraphTimes.utc(now));
        return event;
    }
}
