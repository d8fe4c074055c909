package io.calendarsync.emulators.calendar;

/**
 * Published by a store after every write, for push channels and subscriptions.
 *
 * @param etag the event's etag after the write (Graph's {@code @odata.etag})
 */
public record EventChange(User owner, String calendarId, String eventId, Type type, String etag) {

    public enum Type {
        CREATED, UPDATED, DELETED
    }
}
