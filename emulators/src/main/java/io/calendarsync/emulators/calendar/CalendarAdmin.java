package io.calendarsync.emulators.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * What a person can do in the calendar app, and what a test sets up, without OAuth: the same store operations the API
 * uses, so edits bump etags / change keys, appear in incremental sync and trigger push deliveries. Events are the
 * vendor's own JSON. Failures are {@link io.calendarsync.emulators.http.ApiError}s in the vendor's terms.
 */
public interface CalendarAdmin {

    User createUser(String email, String displayName);

    List<User> users();

    /** @param calendarId null lets the emulator choose one, as the vendor would */
    CalendarInfo createCalendar(String user, String calendarId, String name);

    List<CalendarInfo> calendars(String user);

    /** Live (not deleted) events as stored; recurring series are not expanded. */
    List<ObjectNode> events(String user, String calendarId);

    ObjectNode event(String user, String calendarId, String eventId);

    /**
     * What the calendar app shows in {@code [from, to)}, by start: single events, the occurrences of series, and
     * exceptions in place of the occurrences they replace; cancelled occurrences are not shown.
     */
    List<ObjectNode> occurrences(String user, String calendarId, Instant from, Instant to);

    ObjectNode createEvent(String user, String calendarId, ObjectNode event);

    /** Changes only the fields given, like an edit in the app. */
    ObjectNode updateEvent(String user, String calendarId, String eventId, ObjectNode changes);

    void deleteEvent(String user, String calendarId, String eventId);

    /** Every sync token / delta link and page token stops working: clients get a 410 and must sync fully. */
    void invalidateSyncState();
}
