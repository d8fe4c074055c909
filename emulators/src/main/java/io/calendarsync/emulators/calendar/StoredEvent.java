package io.calendarsync.emulators.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event as its vendor's JSON, with the change sequence number of its last write. Deleted events stay as
 * tombstones ({@code removed}) because incremental sync has to report them.
 */
public final class StoredEvent {

    private final String id;
    private ObjectNode body;
    private long version;
    private boolean removed;

    StoredEvent(String id, ObjectNode body, long version) {
        this.id = id;
        this.body = body;
        this.version = version;
    }

    public String id() {
        return id;
    }

    /** The live document; callers hand out copies. */
    public ObjectNode body() {
        return body;
    }

    public long version() {
        return version;
    }

    public boolean removed() {
        return removed;
    }

    void replace(ObjectNode newBody, long newVersion, boolean nowRemoved) {
        this.body = newBody;
        this.version = newVersion;
        this.removed = nowRemoved;
    }
}
