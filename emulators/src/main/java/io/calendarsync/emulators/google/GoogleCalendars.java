package io.calendarsync.emulators.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.Ids;
import io.calendarsync.emulators.calendar.CalendarAdmin;
import io.calendarsync.emulators.calendar.CalendarInfo;
import io.calendarsync.emulators.calendar.ChangeFeed;
import io.calendarsync.emulators.calendar.Directory;
import io.calendarsync.emulators.calendar.EventChange;
import io.calendarsync.emulators.calendar.Invitation;
import io.calendarsync.emulators.calendar.InvitationLog;
import io.calendarsync.emulators.calendar.StoredEvent;
import io.calendarsync.emulators.calendar.SyncStateExpired;
import io.calendarsync.emulators.calendar.SyncStates;
import io.calendarsync.emulators.calendar.User;
import io.calendarsync.emulators.calendar.UserCalendar;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Google Calendar's state: accounts, calendars and events with Google's write rules (client-chosen ids, tombstones,
 * exceptions materialised from instance ids, If-Match), sync tokens, and a change feed for push channels. One lock
 * guards it all; a change sequence number orders every write for incremental sync.
 */
public final class GoogleCalendars implements CalendarAdmin {

    /** @param sendUpdates Google's {@code sendUpdates} value; {@code all} or {@code externalOnly} would email guests */
    record WriteOptions(String ifMatch, String sendUpdates) {
        static final WriteOptions NONE = new WriteOptions(null, null);
    }

    /** @param nextSyncToken present only on the last page */
    record EventPage(List<ObjectNode> items, String nextPageToken, String nextSyncToken) {
    }

    private record SyncPoint(String userId, String calendarId, long version) {
    }

    /** Calendars are kept in UTC; all-day events are whole UTC days for time-window filters. */
    static final ZoneId CALENDAR_ZONE = ZoneId.of("UTC");
    private static final Set<String> INVITING = Set.of("all", "externalOnly");
    private static final Set<String> STATUSES = Set.of("confirmed", "tentative", "cancelled");

    private final Clock clock;
    private final String baseUrl;
    private final InvitationLog invitations;
    private final Directory directory = new Directory();
    private final SyncStates<SyncPoint, ObjectNode> syncStates;
    private final ChangeFeed feed = new ChangeFeed();
    private long version;

    GoogleCalendars(Clock clock, String baseUrl, InvitationLog invitations) {
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.invitations = invitations;
        this.syncStates = new SyncStates<>(clock);
    }

    ChangeFeed feed() {
        return feed;
    }

    /** Sync and page tokens older than this answer 410 fullSyncRequired; null keeps them until invalidated. */
    public void setSyncTokenMaxAge(Duration maxAge) {
        syncStates.setMaxAge(maxAge);
    }

    @Override
    public void invalidateSyncState() {
        syncStates.invalidateAll();
    }

    // ---- accounts and calendars

    /** The user's primary calendar gets the user's email as id, as in Google. */
    @Override
    public synchronized User createUser(String email, String displayName) {
        boolean exists = directory.user(email).isPresent();
        User user = directory.addUser(email, displayName);
        if (!exists) {
            directory.addCalendar(user, email, email, true);
        }
        return user;
    }

    @Override
    public synchronized List<User> users() {
        return directory.users();
    }

    @Override
    public synchronized CalendarInfo createCalendar(String user, String calendarId, String name) {
        String id = calendarId != null ? calendarId : Ids.base32hex(26) + "@group.calendar.google.com";
        try {
            return directory.addCalendar(owner(user), id, name, false).info();
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, "duplicate", "The requested identifier already exists.");
        }
    }

    @Override
    public synchronized List<CalendarInfo> calendars(String user) {
        return directory.calendars(owner(user)).stream().map(UserCalendar::info).toList();
    }

    synchronized CalendarInfo calendarInfo(String user, String calendarId) {
        return calendar(user, calendarId).info();
    }

    // ---- events: the API's operations

    synchronized ObjectNode insert(String user, String calendarId, ObjectNode input, WriteOptions options) {
        UserCalendar calendar = calendar(user, calendarId);
        String id = Json.text(input, "id").orElse(null);
        if (id == null) {
            id = Ids.base32hex(26);
        } else {
            GoogleEventDocuments.checkClientId(id);
            if (calendar.events().find(id).isPresent()) {
                throw new ApiError(409, "duplicate", "The requested identifier already exists.");
            }
        }
        ObjectNode event = GoogleEventDocuments.inserted(input, id, calendar.owner(), clock.instant(), version + 1,
                baseUrl);
        validate(event);
        commit(calendar, event, EventChange.Type.CREATED, "insert", options);
        return event.deepCopy();
    }

    synchronized ObjectNode get(String user, String calendarId, String eventId) {
        return current(calendar(user, calendarId), eventId).deepCopy();
    }

    synchronized ObjectNode update(String user, String calendarId, String eventId, ObjectNode input,
                                   WriteOptions options) {
        UserCalendar calendar = calendar(user, calendarId);
        ObjectNode previous = current(calendar, eventId);
        checkIfMatch(previous, options);
        ObjectNode event = GoogleEventDocuments.replaced(previous, input, clock.instant(), version + 1);
        validate(event);
        commit(calendar, event, EventChange.Type.UPDATED, "update", options);
        return event.deepCopy();
    }

    synchronized ObjectNode patch(String user, String calendarId, String eventId, ObjectNode changes,
                                  WriteOptions options) {
        UserCalendar calendar = calendar(user, calendarId);
        ObjectNode previous = current(calendar, eventId);
        checkIfMatch(previous, options);
        ObjectNode event = GoogleEventDocuments.patched(previous, changes, clock.instant(), version + 1);
        validate(event);
        commit(calendar, event, EventChange.Type.UPDATED, "patch", options);
        return event.deepCopy();
    }

    /** Cancels the event (a tombstone incremental sync reports); cancelling a series cancels its exceptions. */
    synchronized void delete(String user, String calendarId, String eventId, WriteOptions options) {
        UserCalendar calendar = calendar(user, calendarId);
        ObjectNode previous = current(calendar, eventId);
        if (GoogleEventSelection.cancelled(previous)) {
            throw new ApiError(410, "deleted", "Resource has been deleted");
        }
        checkIfMatch(previous, options);
        if (GoogleSeries.isRecurring(previous)) {
            calendar.events().live()
                    .filter(e -> eventId.equals(e.body().path("recurringEventId").asText(null)))
                    .map(StoredEvent::body)
                    .toList()
                    .forEach(exception -> commit(calendar,
                            GoogleEventDocuments.cancelled(exception, clock.instant(), version + 1),
                            EventChange.Type.DELETED, "delete", WriteOptions.NONE));
        }
        commit(calendar, GoogleEventDocuments.cancelled(previous, clock.instant(), version + 1),
                EventChange.Type.DELETED, "delete", options);
    }

    synchronized EventPage list(String user, String calendarId, GoogleListQuery query) {
        UserCalendar calendar = calendar(user, calendarId);
        try {
            SyncStates.Page<ObjectNode> page;
            if (query.pageToken() != null) {
                page = syncStates.nextPage(query.pageToken(), query.maxResults());
            } else {
                GoogleEventSelection selection = new GoogleEventSelection(calendar.events(), CALENDAR_ZONE, query);
                List<ObjectNode> items;
                if (query.syncToken() != null) {
                    SyncPoint point = syncStates.resolve(query.syncToken());
                    if (!point.userId().equals(calendar.owner().id()) || !point.calendarId().equals(calendar.id())) {
                        throw new SyncStateExpired("sync token of another calendar");
                    }
                    items = selection.changedSince(point.version());
                } else {
                    items = selection.listed();
                }
                String next = syncStates.issue(new SyncPoint(calendar.owner().id(), calendar.id(), version));
                page = syncStates.firstPage(items, query.maxResults(), next);
            }
            return new EventPage(page.items(), page.nextPageToken(), page.finalToken());
        } catch (SyncStateExpired e) {
            throw new ApiError(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
        }
    }

    synchronized EventPage instances(String user, String calendarId, String eventId, GoogleListQuery query) {
        UserCalendar calendar = calendar(user, calendarId);
        try {
            if (query.pageToken() != null) {
                SyncStates.Page<ObjectNode> page = syncStates.nextPage(query.pageToken(), query.maxResults());
                return new EventPage(page.items(), page.nextPageToken(), null);
            }
        } catch (SyncStateExpired e) {
            throw new ApiError(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
        }
        ObjectNode master = calendar.events().find(eventId).map(StoredEvent::body)
                .filter(GoogleSeries::isRecurring)
                .filter(e -> !GoogleEventSelection.cancelled(e))
                .orElseThrow(GoogleCalendars::notFound);
        List<ObjectNode> items = new GoogleEventSelection(calendar.events(), CALENDAR_ZONE, query).instances(master);
        SyncStates.Page<ObjectNode> page = syncStates.firstPage(items, query.maxResults(), null);
        return new EventPage(page.items(), page.nextPageToken(), null);
    }

    // ---- CalendarAdmin: the calendar app's edits, without OAuth, with the same effects

    @Override
    public synchronized List<ObjectNode> events(String user, String calendarId) {
        return calendar(user, calendarId).events().live().map(e -> e.body().deepCopy()).toList();
    }

    @Override
    public ObjectNode event(String user, String calendarId, String eventId) {
        return get(user, calendarId, eventId);
    }

    @Override
    public synchronized List<ObjectNode> occurrences(String user, String calendarId, Instant from, Instant to) {
        GoogleListQuery expanded = new GoogleListQuery(Integer.MAX_VALUE, null, null, false, true, from, to, null,
                List.of(), List.of(), "startTime", null, null);
        return new GoogleEventSelection(calendar(user, calendarId).events(), CALENDAR_ZONE, expanded).listed().stream()
                .map(ObjectNode::deepCopy)
                .toList();
    }

    @Override
    public ObjectNode createEvent(String user, String calendarId, ObjectNode event) {
        return insert(user, calendarId, event, WriteOptions.NONE);
    }

    /**
     * Stores an event as given, without the checks an insert makes: an event as another Google product or an older
     * client may have left it (a status this API version does not document, missing times), for tests of how a
     * reader copes. The server fields are added as on insert.
     */
    public synchronized ObjectNode storeUnchecked(String user, String calendarId, ObjectNode event) {
        UserCalendar calendar = calendar(user, calendarId);
        ObjectNode stored = GoogleEventDocuments.inserted(event, Ids.base32hex(26), calendar.owner(), clock.instant(),
                version + 1, baseUrl);
        commit(calendar, stored, EventChange.Type.CREATED, "insert", WriteOptions.NONE);
        return stored.deepCopy();
    }

    @Override
    public ObjectNode updateEvent(String user, String calendarId, String eventId, ObjectNode changes) {
        return patch(user, calendarId, eventId, changes, WriteOptions.NONE);
    }

    @Override
    public void deleteEvent(String user, String calendarId, String eventId) {
        delete(user, calendarId, eventId, WriteOptions.NONE);
    }

    // ---- internals

    private User owner(String user) {
        return directory.user(user).orElseThrow(GoogleCalendars::notFound);
    }

    private UserCalendar calendar(String user, String calendarId) {
        User owner = owner(user);
        Optional<UserCalendar> calendar = "primary".equals(calendarId)
                ? directory.defaultCalendar(owner)
                : directory.calendar(owner, calendarId);
        return calendar.orElseThrow(GoogleCalendars::notFound);
    }

    /** The stored event (tombstones included), or an instance of a live series not yet stored on its own. */
    private ObjectNode current(UserCalendar calendar, String eventId) {
        return calendar.events().find(eventId).map(StoredEvent::body)
                .or(() -> instance(calendar, eventId))
                .orElseThrow(GoogleCalendars::notFound);
    }

    private Optional<ObjectNode> instance(UserCalendar calendar, String eventId) {
        return GoogleSeries.splitInstanceId(eventId).flatMap(parts -> calendar.events().find(parts.getKey())
                .map(StoredEvent::body)
                .filter(master -> GoogleSeries.isRecurring(master) && !GoogleEventSelection.cancelled(master))
                .flatMap(master -> {
                    GoogleSeries series = GoogleSeries.of(master, CALENDAR_ZONE);
                    Optional<ZonedDateTime> start = series.stampInstant(parts.getValue()).flatMap(series::instanceAt);
                    return start.map(s -> series.instance(master, s));
                }));
    }

    private static void validate(ObjectNode event) {
        GoogleEventTiming timing = GoogleEventTiming.of(event, CALENDAR_ZONE);
        String status = event.path("status").asText();
        if (!STATUSES.contains(status)) {
            throw new ApiError(400, "invalid", "Invalid value for status: " + status);
        }
        if (GoogleSeries.isRecurring(event)) {
            if (!timing.allDay() && Json.text(event.get("start"), "timeZone").isEmpty()) {
                throw new ApiError(400, "required", "Missing time zone definition for start time.");
            }
            GoogleSeries.of(event, CALENDAR_ZONE);
        }
    }

    private static void checkIfMatch(ObjectNode current, WriteOptions options) {
        String expected = options.ifMatch();
        if (expected != null && !"*".equals(expected) && !expected.equals(current.path("etag").asText())) {
            throw new ApiError(412, "conditionNotMet", "Precondition Failed");
        }
    }

    /** Stores a write stamped with {@code version + 1}, records invitations, tells listeners. */
    private void commit(UserCalendar calendar, ObjectNode event, EventChange.Type type, String operation,
                        WriteOptions options) {
        version++;
        String id = event.get("id").asText();
        if (GoogleEventSelection.cancelled(event)) {
            calendar.events().remove(id, event, version);
        } else {
            calendar.events().write(id, event, version);
        }
        if (options.sendUpdates() != null && INVITING.contains(options.sendUpdates())) {
            List<String> attendees = event.path("attendees").findValuesAsText("email");
            invitations.record(new Invitation(calendar.owner().email(), calendar.id(), id, operation,
                    "sendUpdates=" + options.sendUpdates(), attendees, clock.instant()));
        }
        EventChange change = new EventChange(calendar.owner(), calendar.id(), id, type, event.get("etag").asText());
        feed.publish(change);
    }

    private static ApiError notFound() {
        return new ApiError(404, "notFound", "Not Found");
    }
}
