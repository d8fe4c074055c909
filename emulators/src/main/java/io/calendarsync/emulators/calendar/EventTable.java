package io.calendarsync.emulators.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The events of one calendar in insertion order, tombstones included. Guarded by the owning store's lock. */
public final class EventTable {

    private final Map<String, StoredEvent> events = new LinkedHashMap<>();

    public Optional<StoredEvent> find(String id) {
        return Optional.ofNullable(events.get(id));
    }

    /** Inserts or overwrites; writing over a tombstone brings the id back to life. */
    public StoredEvent write(String id, ObjectNode body, long version) {
        StoredEvent existing = events.get(id);
        if (existing == null) {
            StoredEvent created = new StoredEvent(id, body, version);
            events.put(id, created);
            return created;
        }
        existing.replace(body, version, false);
        return existing;
    }

    public void remove(String id, ObjectNode finalBody, long version) {
        StoredEvent existing = events.get(id);
        if (existing == null) {
            existing = new StoredEvent(id, finalBody, version);
            events.put(id, existing);
        }
        existing.replace(finalBody, version, true);
    }

    public Stream<StoredEvent> all() {
        return events.values().stream();
    }

    public Stream<StoredEvent> live() {
        return all().filter(e -> !e.removed());
    }

    public Stream<StoredEvent> changedSince(long version) {
        return all().filter(e -> e.version() > version).sorted(Comparator.comparingLong(StoredEvent::version));
    }
}
