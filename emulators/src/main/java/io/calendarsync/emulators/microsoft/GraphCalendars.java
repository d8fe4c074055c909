package io.calendarsync.emulators.microsoft;

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
import io.calendarsync.emulators.calendar.SyncStates;
import io.calendarsync.emulators.calendar.TimeRanges;
import io.calendarsync.emulators.calendar.User;
import io.calendarsync.emulators.calendar.UserCalendar;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outlook calendars as Graph sees them: users, calendars, events with Graph's write rules (transactionId
 * idempotency, If-Match on change keys, occurrences that become exceptions when changed), the instances in a time
 * window that calendarView and its delta are built from, and a change feed for subscriptions. One lock guards it all.
 */
public final class GraphCalendars implements CalendarAdmin {

    /** One entry of a calendar view: an event or occurrence, and the version of the stored event it comes from. */
    record Instance(String id, ObjectNode body, long version, Instant start) {
    }

    /** What a delta link remembers: the window and the instances (with versions) the client has seen. */
    record DeltaState(String userId, String calendarId, Instant from, Instant to, Map<String, Long> seen) {
        DeltaState {
            seen = Map.copyOf(seen);
        }
    }

    private record Located(UserCalendar calendar, ObjectNode body, boolean stored) {
    }

    private final Clock clock;
    private final String baseUrl;
    private final InvitationLog invitations;
    private final Directory directory = new Directory();
    private final SyncStates<DeltaState, ObjectNode> deltaStates;
    private final ChangeFeed feed = new ChangeFeed();
    private long version;

    GraphCalendars(Clock clock, String baseUrl, InvitationLog invitations) {
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.invitations = invitations;
        this.deltaStates = new SyncStates<>(clock);
    }

    ChangeFeed feed() {
        return feed;
    }

    SyncStates<DeltaState, ObjectNode> deltaStates() {
        return deltaStates;
    }

    /** Delta and page tokens older than this answer 410 SyncStateNotFound; null keeps them until invalidated. */
    public void setDeltaTokenMaxAge(Duration maxAge) {
        deltaStates.setMaxAge(maxAge);
    }

    @Override
    public void invalidateSyncState() {
        deltaStates.invalidateAll();
    }

    // ---- users and calendars

    /** Every mailbox comes with its default calendar, named "Calendar". */
    @Override
    public synchronized User createUser(String email, String displayName) {
        boolean exists = directory.user(email).isPresent();
        User user = directory.addUser(email, displayName);
        if (!exists) {
            directory.addCalendar(user, newId(), "Calendar", true);
        }
        return user;
    }

    @Override
    public synchronized List<User> users() {
        return directory.users();
    }

    synchronized User user(String user) {
        return directory.user(user).orElseThrow(() -> new ApiError(404, "ErrorInvalidUser",
                "The requested user '" + user + "' is invalid."));
    }

    @Override
    public synchronized CalendarInfo createCalendar(String user, String calendarId, String name) {
        try {
            return directory.addCalendar(user(user), calendarId != null ? calendarId : newId(), name, false).info();
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, "ErrorFolderExists", "A folder with the specified name already exists.");
        }
    }

    @Override
    public synchronized List<CalendarInfo> calendars(String user) {
        return directory.calendars(user(user)).stream().map(UserCalendar::info).toList();
    }

    /** @param calendarId null (or "calendar") for the default calendar */
    synchronized CalendarInfo calendarInfo(String user, String calendarId) {
        return calendar(user, calendarId).info();
    }

    // ---- events: the API's operations

    /** A retry with a transactionId already used in this calendar returns the event it created. */
    synchronized ObjectNode create(String user, String calendarId, ObjectNode input) {
        UserCalendar calendar = calendar(user, calendarId);
        Optional<String> transactionId = Json.text(input, "transactionId");
        if (transactionId.isPresent()) {
            Optional<ObjectNode> existing = calendar.events().live().map(StoredEvent::body)
                    .filter(e -> transactionId.get().equals(e.path("transactionId").asText(null)))
                    .findFirst();
            if (existing.isPresent()) {
                return existing.get().deepCopy();
            }
        }
        ObjectNode event = GraphEventDocuments.created(input, newId(), calendar.owner(), clock.instant(),
                version + 1, baseUrl);
        validate(event);
        commit(calendar, event, EventChange.Type.CREATED, "create");
        return event.deepCopy();
    }

    synchronized ObjectNode get(String user, String eventId) {
        return locate(user(user), eventId).body().deepCopy();
    }

    synchronized ObjectNode patch(String user, String eventId, ObjectNode changes, String ifMatch) {
        Located located = locate(user(user), eventId);
        checkIfMatch(located.body(), ifMatch);
        ObjectNode event = located.stored()
                ? GraphEventDocuments.patched(located.body(), changes, clock.instant(), version + 1)
                : GraphEventDocuments.exception(located.body(), changes, clock.instant(), version + 1);
        validate(event);
        commit(located.calendar(), event, EventChange.Type.UPDATED, "update");
        return event.deepCopy();
    }

    /** Deleting a series master takes its exceptions with it; deleting an occurrence cancels just that one. */
    synchronized void delete(String user, String eventId, String ifMatch) {
        Located located = locate(user(user), eventId);
        checkIfMatch(located.body(), ifMatch);
        UserCalendar calendar = located.calendar();
        if (GraphSeries.isSeriesMaster(located.body())) {
            calendar.events().live()
                    .filter(e -> eventId.equals(e.body().path("seriesMasterId").asText(null)))
                    .toList()
                    .forEach(e -> remove(calendar, e.body()));
        }
        remove(calendar, located.body());
    }

    /** Single events and series masters, as {@code GET /me/events} lists them. */
    synchronized List<ObjectNode> list(String user, String calendarId) {
        return calendar(user, calendarId).events().live().map(StoredEvent::body)
                .filter(e -> !e.path("type").asText().equals("exception"))
                .map(ObjectNode::deepCopy)
                .toList();
    }

    /** Occurrences and exceptions of one series overlapping the window. */
    synchronized List<ObjectNode> instances(String user, String masterId, Instant from, Instant to) {
        Located master = locate(user(user), masterId);
        if (!GraphSeries.isSeriesMaster(master.body())) {
            throw new ApiError(400, "ErrorInvalidRequest", "The event is not a series master.");
        }
        return view(master.calendar(), from, to).stream()
                .filter(i -> masterId.equals(i.body().path("seriesMasterId").asText(null)))
                .map(i -> i.body().deepCopy())
                .toList();
    }

    /** Everything a calendarView shows for the window: single events, occurrences and exceptions, by start. */
    synchronized List<Instance> view(String user, String calendarId, Instant from, Instant to) {
        return view(calendar(user, calendarId), from, to);
    }

    private List<Instance> view(UserCalendar calendar, Instant from, Instant to) {
        List<Instance> instances = new ArrayList<>();
        calendar.events().live().forEach(stored -> {
            ObjectNode body = stored.body();
            if (GraphSeries.isSeriesMaster(body)) {
                GraphSeries series = GraphSeries.of(body);
                for (ZonedDateTime start : series.starts(from, to, GraphSeries.MAX_OCCURRENCES)) {
                    String id = GraphSeries.occurrenceId(stored.id(), start);
                    if (calendar.events().find(id).isEmpty()) {
                        instances.add(new Instance(id, series.occurrence(body, start), stored.version(),
                                start.toInstant()));
                    }
                }
            } else {
                GraphEventTiming timing = GraphEventTiming.of(body);
                Instant begins = timing.start().toInstant();
                if (TimeRanges.overlaps(begins, timing.end().toInstant(), from, to)) {
                    instances.add(new Instance(stored.id(), body, stored.version(), begins));
                }
            }
        });
        instances.sort(Comparator.comparing(Instance::start));
        return instances;
    }

    // ---- CalendarAdmin: the calendar app's edits, without OAuth, with the same effects

    @Override
    public synchronized List<ObjectNode> events(String user, String calendarId) {
        return calendar(user, calendarId).events().live().map(e -> e.body().deepCopy()).toList();
    }

    @Override
    public synchronized ObjectNode event(String user, String calendarId, String eventId) {
        return get(user, eventId);
    }

    @Override
    public synchronized List<ObjectNode> occurrences(String user, String calendarId, Instant from, Instant to) {
        return view(user, calendarId, from, to).stream().map(instance -> instance.body().deepCopy()).toList();
    }

    @Override
    public ObjectNode createEvent(String user, String calendarId, ObjectNode event) {
        return create(user, calendarId, event);
    }

    @Override
    public ObjectNode updateEvent(String user, String calendarId, String eventId, ObjectNode changes) {
        return patch(user, eventId, changes, null);
    }

    @Override
    public void deleteEvent(String user, String calendarId, String eventId) {
        delete(user, eventId, null);
    }

    // ---- internals

    /** Graph ids are opaque; ours avoid '_' so occurrence ids can be split. */
    private static String newId() {
        return "AAMkAG" + Ids.alphanumeric(40);
    }

    private UserCalendar calendar(String user, String calendarId) {
        return calendar(user(user), calendarId);
    }

    private UserCalendar calendar(User owner, String calendarId) {
        Optional<UserCalendar> calendar = calendarId == null || calendarId.equals("calendar")
                ? directory.defaultCalendar(owner)
                : directory.calendar(owner, calendarId);
        return calendar.orElseThrow(() -> new ApiError(404, "ErrorItemNotFound",
                "The specified object was not found in the store."));
    }

    /** Event ids are unique per mailbox, so {@code /me/events/{id}} finds an event in any of the user's calendars. */
    private Located locate(User owner, String eventId) {
        for (UserCalendar calendar : directory.calendars(owner)) {
            Optional<StoredEvent> stored = calendar.events().find(eventId);
            if (stored.isPresent()) {
                if (stored.get().removed()) {
                    break;
                }
                return new Located(calendar, stored.get().body(), true);
            }
            Optional<ObjectNode> occurrence = occurrence(calendar, eventId);
            if (occurrence.isPresent()) {
                return new Located(calendar, occurrence.get(), false);
            }
        }
        throw new ApiError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    private Optional<ObjectNode> occurrence(UserCalendar calendar, String eventId) {
        return GraphSeries.splitOccurrenceId(eventId).flatMap(parts -> calendar.events().find(parts.getKey())
                .filter(master -> !master.removed() && GraphSeries.isSeriesMaster(master.body()))
                .flatMap(master -> {
                    GraphSeries series = GraphSeries.of(master.body());
                    return series.occurrenceAt(parts.getValue()).map(s -> series.occurrence(master.body(), s));
                }));
    }

    private static void validate(ObjectNode event) {
        if (GraphSeries.isSeriesMaster(event)) {
            GraphSeries.of(event);
        } else {
            GraphEventTiming.of(event);
        }
    }

    private static void checkIfMatch(ObjectNode current, String ifMatch) {
        if (!GraphEventDocuments.matches(current, ifMatch)) {
            throw new ApiError(412, "ErrorIrresolvableConflict", null);
        }
    }

    private void remove(UserCalendar calendar, ObjectNode event) {
        version++;
        String id = event.get("id").asText();
        calendar.events().remove(id, event, version);
        publish(calendar, id, EventChange.Type.DELETED, event);
    }

    /** Stores a write stamped with {@code version + 1}, records invitations Outlook would send, tells listeners. */
    private void commit(UserCalendar calendar, ObjectNode event, EventChange.Type type, String operation) {
        version++;
        String id = event.get("id").asText();
        calendar.events().write(id, event, version);
        List<String> attendees = GraphEventDocuments.attendeeAddresses(event);
        if (!attendees.isEmpty() && !event.path("isDraft").asBoolean(false)) {
            invitations.record(new Invitation(calendar.owner().email(), calendar.id(), id, operation,
                    "attendees on a non-draft event", attendees, clock.instant()));
        }
        publish(calendar, id, type, event);
    }

    private void publish(UserCalendar calendar, String id, EventChange.Type type, ObjectNode event) {
        EventChange change = new EventChange(calendar.owner(), calendar.id(), id, type,
                event.path("@odata.etag").asText());
        feed.publish(change);
    }
}
