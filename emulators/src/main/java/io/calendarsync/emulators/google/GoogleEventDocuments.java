package io.calendarsync.emulators.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.calendar.User;
import io.calendarsync.emulators.http.ApiError;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server-owned parts of a Google event document: what insert adds, what update and patch keep, and how each write
 * moves {@code etag}, {@code updated} and {@code sequence}. Every other field is the client's and is kept verbatim.
 */
final class GoogleEventDocuments {

    private static final Pattern CLIENT_ID = Pattern.compile("[a-v0-9]{5,1024}");
    /** Fields an update (PUT) cannot change. */
    private static final List<String> PRESERVED = List.of("kind", "id", "created", "htmlLink", "iCalUID", "creator",
            "organizer", "recurringEventId", "originalStartTime");
    // Real etags are microsecond timestamps; an offset keeps ours the same length while staying unique per change.
    private static final long ETAG_BASE = 3_000_000_000_000_000L;

    private GoogleEventDocuments() {
    }

    static void checkClientId(String id) {
        if (!CLIENT_ID.matcher(id).matches()) {
            throw new ApiError(400, "invalid", "Invalid resource id value.");
        }
    }

    static String etag(long version) {
        return "\"" + (ETAG_BASE + version) + "\"";
    }

    static ObjectNode inserted(ObjectNode input, String id, User owner, Instant now, long version, String htmlBase) {
        ObjectNode event = withoutNulls(input);
        event.put("kind", "calendar#event");
        event.put("id", id);
        event.put("htmlLink", htmlBase + "/calendar/event?eid=" + id);
        event.put("created", GoogleTimes.timestamp(now));
        if (!event.hasNonNull("status")) {
            event.put("status", "confirmed");
        }
        if (!event.hasNonNull("iCalUID")) {
            event.put("iCalUID", id + "@google.com");
        }
        if (!event.hasNonNull("sequence")) {
            event.put("sequence", 0);
        }
        if (!event.hasNonNull("reminders")) {
            event.putObject("reminders").put("useDefault", true);
        }
        if (!event.hasNonNull("eventType")) {
            event.put("eventType", "default");
        }
        event.putObject("creator").put("email", owner.email()).put("self", true);
        if (!event.hasNonNull("organizer")) {
            event.putObject("organizer").put("email", owner.email()).put("self", true);
        }
        return stamped(event, now, version);
    }

    static ObjectNode replaced(ObjectNode previous, ObjectNode input, Instant now, long version) {
        ObjectNode event = withoutNulls(input);
        for (String field : PRESERVED) {
            if (previous.has(field)) {
                event.set(field, previous.get(field).deepCopy());
            }
        }
        if (!event.hasNonNull("status")) {
            event.put("status", "confirmed");
        }
        return sequenced(previous, event, input.has("sequence"), now, version);
    }

    static ObjectNode patched(ObjectNode previous, ObjectNode patch, Instant now, long version) {
        ObjectNode event = previous.deepCopy();
        merge(event, patch);
        for (String field : PRESERVED) {
            if (previous.has(field)) {
                event.set(field, previous.get(field).deepCopy());
            }
        }
        return sequenced(previous, event, patch.has("sequence"), now, version);
    }

    static ObjectNode cancelled(ObjectNode previous, Instant now, long version) {
        ObjectNode event = previous.deepCopy();
        event.put("status", "cancelled");
        return stamped(event, now, version);
    }

    /** Google bumps {@code sequence} when the time changes, so attendees' calendars take the new version. */
    private static ObjectNode sequenced(ObjectNode previous, ObjectNode event, boolean clientSetSequence, Instant now,
                                        long version) {
        boolean timeChanged = !Objects.equals(previous.get("start"), event.get("start"))
                || !Objects.equals(previous.get("end"), event.get("end"))
                || !Objects.equals(previous.get("recurrence"), event.get("recurrence"));
        if (!clientSetSequence) {
            int sequence = previous.path("sequence").asInt(0);
            event.put("sequence", timeChanged ? sequence + 1 : sequence);
        }
        return stamped(event, now, version);
    }

    private static ObjectNode stamped(ObjectNode event, Instant now, long version) {
        event.put("etag", etag(version));
        event.put("updated", GoogleTimes.timestamp(now));
        return event;
    }

    /**
     * Google's patch semantics: given fields replace, nested objects merge (start and end too, so switching between
     * {@code dateTime} and {@code date} needs the other one set to null), arrays replace, null removes.
     */
    private static void merge(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(entry -> {
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            JsonNode existing = target.get(field);
            if (value.isNull()) {
                target.remove(field);
            } else if (value.isObject() && existing instanceof ObjectNode existingObject) {
                merge(existingObject, (ObjectNode) value);
            } else {
                target.set(field, withoutNulls(value));
            }
        });
    }

    /** Google stores no nulls: a null in an insert or update means the field is not set. */
    private static <T extends JsonNode> T withoutNulls(T node) {
        T copy = node.deepCopy();
        if (copy instanceof ObjectNode object) {
            for (String field : List.copyOf(object.properties().stream().map(Map.Entry::getKey).toList())) {
                JsonNode value = object.get(field);
                if (value.isNull()) {
                    object.remove(field);
                } else {
                    object.set(field, withoutNulls(value));
                }
            }
        }
        return copy;
    }
}
