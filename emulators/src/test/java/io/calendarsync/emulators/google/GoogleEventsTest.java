package io.calendarsync.emulators.google;

import static io.calendarsync.emulators.google.GoogleTestSupport.USER;
import static io.calendarsync.emulators.google.GoogleTestSupport.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.util.Data;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.Events;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleEventsTest {

    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-05T08:00:00Z"));
    private GoogleCalendarEmulator emulator;
    private Calendar calendar;

    @BeforeEach
    void start() throws Exception {
        emulator = GoogleCalendarEmulator.start(0, clock);
        calendar = GoogleTestSupport.client(emulator, GoogleTestSupport.setUp(emulator), clock);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void insertWithClientChosenIdIsIdempotentThrough409() throws Exception {
        Event event = timed("Site visit", "2026-01-06T09:00:00+01:00", "2026-01-06T10:00:00+01:00").setId("cs0entr42");

        Event created = calendar.events().insert("primary", event).execute();

        assertThat(created.getId()).isEqualTo("cs0entr42");
        assertThat(created.getEtag()).startsWith("\"").endsWith("\"");
        assertThat(created.getStatus()).isEqualTo("confirmed");
        assertThat(created.getICalUID()).isEqualTo("cs0entr42@google.com");
        assertThat(created.getCreated().getValue()).isEqualTo(clock.millis());
        assertThatThrownBy(() -> calendar.events().insert("primary", event).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(409);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("duplicate");
                });
        assertThat(emulator.calendars().events(USER, "primary")).hasSize(1);
    }

    @Test
    void rejectsIdsOutsideBase32hex() {
        Event event = timed("x", "2026-01-06T09:00:00Z", "2026-01-06T10:00:00Z").setId("Not-Valid");

        assertThatThrownBy(() -> calendar.events().insert("primary", event).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("invalid");
                });
    }

    @Test
    void unknownCalendarIs404() {
        assertThatThrownBy(() -> calendar.events().list("nobody@group.calendar.google.com").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("notFound");
                });
    }

    @Test
    void patchArrivesAsPostWithMethodOverrideAndGzippedBody() throws Exception {
        Event created = calendar.events().insert("primary",
                timed("Before", "2026-01-06T09:00:00Z", "2026-01-06T10:00:00Z")
                        .setExtendedProperties(new Event.ExtendedProperties().setPrivate(Map.of("entryId", "42"))))
                .execute();
        clock.advance(Duration.ofMinutes(5));

        Event patched = calendar.events().patch("primary", created.getId(), new Event().setSummary("After")).execute();

        assertThat(patched.getSummary()).isEqualTo("After");
        assertThat(patched.getExtendedProperties().getPrivate()).containsEntry("entryId", "42");
        assertThat(patched.getEtag()).isNotEqualTo(created.getEtag());
        assertThat(patched.getUpdated().getValue()).isEqualTo(clock.millis());
        assertThat(patched.getSequence()).isZero();
        assertThat(emulator.requests().get("PATCH /calendar/v3/calendars/{calendarId}/events/{eventId}")).isEqualTo(1);
    }

    /** Google merges a patch into nested objects, so a switch to all-day nulls the dateTime it replaces. */
    @Test
    void patchMergesStartAndEndAndAnExplicitNullRemovesAMember() throws Exception {
        Event created = calendar.events().insert("primary", new Event().setSummary("Visit").setDescription("Ladder")
                .setStart(new EventDateTime().setDateTime(new DateTime("2026-01-06T09:00:00+01:00"))
                        .setTimeZone("Europe/Berlin"))
                .setEnd(new EventDateTime().setDateTime(new DateTime("2026-01-06T10:00:00+01:00"))
                        .setTimeZone("Europe/Berlin"))).execute();

        Event moved = calendar.events().patch("primary", created.getId(), new Event()
                .setStart(new EventDateTime().setDateTime(new DateTime("2026-01-06T11:00:00+01:00")))
                .setEnd(new EventDateTime().setDateTime(new DateTime("2026-01-06T12:00:00+01:00")))).execute();
        assertThat(moved.getStart().getTimeZone()).as("merged, not replaced").isEqualTo("Europe/Berlin");

        Event allDay = calendar.events().patch("primary", created.getId(), new Event()
                .setDescription(Data.NULL_STRING)
                .setStart(new EventDateTime().setDate(new DateTime("2026-01-07")).setDateTime(Data.nullOf(DateTime.class)))
                .setEnd(new EventDateTime().setDate(new DateTime("2026-01-08")).setDateTime(Data.nullOf(DateTime.class))))
                .execute();
        assertThat(allDay.getStart().getDate().toStringRfc3339()).isEqualTo("2026-01-07");
        assertThat(allDay.getStart().getDateTime()).isNull();
        assertThat(allDay.getEnd().getDate().toStringRfc3339()).isEqualTo("2026-01-08");
        assertThat(allDay.getDescription()).isNull();
        assertThat(emulator.calendars().event(USER, "primary", created.getId()).path("start").has("dateTime"))
                .isFalse();

        Event timedAgain = calendar.events().patch("primary", created.getId(), new Event()
                .setStart(new EventDateTime().setDateTime(new DateTime("2026-01-07T09:00:00+01:00"))
                        .setDate(Data.nullOf(DateTime.class)))
                .setEnd(new EventDateTime().setDateTime(new DateTime("2026-01-07T10:00:00+01:00"))
                        .setDate(Data.nullOf(DateTime.class)))).execute();
        assertThat(timedAgain.getStart().getDateTime().getValue())
                .isEqualTo(Instant.parse("2026-01-07T08:00:00Z").toEpochMilli());
        assertThat(timedAgain.getStart().getDate()).isNull();
    }

    @Test
    void aTimeThatIsBothADateAndADateTimeIsRefused() throws Exception {
        Event created = calendar.events().insert("primary",
                timed("Visit", "2026-01-06T09:00:00Z", "2026-01-06T10:00:00Z")).execute();

        assertThatThrownBy(() -> calendar.events().patch("primary", created.getId(), new Event()
                .setStart(new EventDateTime().setDate(new DateTime("2026-01-07")))
                .setEnd(new EventDateTime().setDate(new DateTime("2026-01-08")))).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("invalid");
                });
    }

    @Test
    void staleIfMatchIs412ConditionNotMet() throws Exception {
        Event created = calendar.events().insert("primary",
                timed("v1", "2026-01-06T09:00:00Z", "2026-01-06T10:00:00Z")).execute();
        emulator.calendars().updateEvent(USER, "primary", created.getId(),
                Json.parseObject("{\"summary\":\"edited in the app\"}"));

        Calendar.Events.Patch stale = calendar.events().patch("primary", created.getId(), new Event().setSummary("v2"));
        stale.setRequestHeaders(new HttpHeaders().setIfMatch(created.getEtag()));

        assertThatThrownBy(stale::execute).isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(412);
            assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("conditionNotMet");
        });
        String current = calendar.events().get("primary", created.getId()).execute().getEtag();
        Calendar.Events.Patch fresh = calendar.events().patch("primary", created.getId(), new Event().setSummary("v2"));
        fresh.setRequestHeaders(new HttpHeaders().setIfMatch(current));
        assertThat(fresh.execute().getSummary()).isEqualTo("v2");
    }

    @Test
    void updateReplacesTheEventAndBumpsSequenceWhenTheTimeMoves() throws Exception {
        Event created = calendar.events().insert("primary",
                timed("v1", "2026-01-06T09:00:00Z", "2026-01-06T10:00:00Z").setLocation("Office")).execute();

        Event updated = calendar.events().update("primary", created.getId(),
                timed("v2", "2026-01-06T11:00:00Z", "2026-01-06T12:00:00Z")).execute();

        assertThat(updated.getLocation()).isNull();
        assertThat(updated.getSequence()).isEqualTo(1);
        assertThat(updated.getCreated()).isEqualTo(created.getCreated());
    }

    @Test
    void deleteLeavesACancelledTombstoneAndASecondDeleteIs410() throws Exception {
        Event created = calendar.events().insert("primary",
                timed("Doomed", "2026-01-06T09:00:00Z", "2026-01-06T10:00:00Z")).execute();

        calendar.events().delete("primary", created.getId()).execute();

        assertThat(calendar.events().get("primary", created.getId()).execute().getStatus()).isEqualTo("cancelled");
        assertThat(calendar.events().list("primary").execute().getItems()).isEmpty();
        assertThat(calendar.events().list("primary").setShowDeleted(true).execute().getItems()).hasSize(1);
        assertThatThrownBy(() -> calendar.events().delete("primary", created.getId()).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(410);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("deleted");
                });
    }

    @Test
    void recordsWritesThatWouldHaveEmailedGuests() throws Exception {
        Event withGuests = timed("Review", "2026-01-06T09:00:00Z", "2026-01-06T10:00:00Z")
                .setAttendees(List.of(new EventAttendee().setEmail("bob@example.com")));

        calendar.events().insert("primary", withGuests).setSendUpdates("none").execute();
        assertThat(emulator.invitations().all()).isEmpty();

        calendar.events().insert("primary", withGuests).setSendUpdates("all").execute();
        assertThat(emulator.invitations().all()).singleElement().satisfies(invitation -> {
            assertThat(invitation.reason()).isEqualTo("sendUpdates=all");
            assertThat(invitation.attendees()).containsExactly("bob@example.com");
        });
    }

    @Test
    void allDayEventsKeepTheirDatesThroughRoundTrips() throws Exception {
        Event allDay = new Event().setSummary("Holiday")
                .setStart(new EventDateTime().setDate(new DateTime("2026-01-07")))
                .setEnd(new EventDateTime().setDate(new DateTime("2026-01-08")));
        Event created = calendar.events().insert("primary", allDay).execute();

        Event patched = calendar.events().patch("primary", created.getId(), new Event().setSummary("Holiday!"))
                .execute();

        assertThat(patched.getStart().getDate().toStringRfc3339()).isEqualTo("2026-01-07");
        assertThat(patched.getEnd().getDate().toStringRfc3339()).isEqualTo("2026-01-08");
    }

    @Test
    void filtersByPrivateExtendedProperty() throws Exception {
        calendar.events().insert("primary", timed("ours", "2026-01-06T09:00:00Z", "2026-01-06T10:00:00Z")
                .setExtendedProperties(new Event.ExtendedProperties().setPrivate(Map.of("source", "platform"))))
                .execute();
        calendar.events().insert("primary", timed("theirs", "2026-01-06T11:00:00Z", "2026-01-06T12:00:00Z"))
                .execute();

        Events ours = calendar.events().list("primary").setPrivateExtendedProperty(List.of("source=platform"))
                .execute();

        assertThat(ours.getItems()).extracting(Event::getSummary).containsExactly("ours");
    }

    @Test
    void expandsRecurringSeriesAndMaterialisesExceptionsFromInstanceIds() throws Exception {
        Event weekly = new Event().setSummary("Stand-up").setId("standup0001")
                .setStart(new EventDateTime().setDateTime(new DateTime("2026-01-05T09:00:00+01:00"))
                        .setTimeZone("Europe/Berlin"))
                .setEnd(new EventDateTime().setDateTime(new DateTime("2026-01-05T09:15:00+01:00"))
                        .setTimeZone("Europe/Berlin"))
                .setRecurrence(List.of("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6", "EXDATE;TZID=Europe/Berlin:20260107T090000"));
        calendar.events().insert("primary", weekly).execute();

        List<Event> instances = calendar.events().instances("primary", "standup0001").execute().getItems();
        assertThat(instances).extracting(Event::getId).containsExactly(
                "standup0001_20260105T080000Z", "standup0001_20260112T080000Z", "standup0001_20260114T080000Z",
                "standup0001_20260119T080000Z", "standup0001_20260121T080000Z");
        assertThat(instances.get(0).getRecurringEventId()).isEqualTo("standup0001");
        assertThat(instances.get(0).getOriginalStartTime().getDateTime().getValue())
                .isEqualTo(Instant.parse("2026-01-05T08:00:00Z").toEpochMilli());

        calendar.events().patch("primary", "standup0001_20260112T080000Z",
                new Event().setStart(new EventDateTime().setDateTime(new DateTime("2026-01-12T10:00:00+01:00")))
                        .setEnd(new EventDateTime().setDateTime(new DateTime("2026-01-12T10:15:00+01:00"))))
                .execute();
        calendar.events().delete("primary", "standup0001_20260114T080000Z").execute();

        List<Event> expanded = calendar.events().list("primary").setSingleEvents(true).setOrderBy("startTime")
                .setTimeMin(new DateTime("2026-01-01T00:00:00Z")).setTimeMax(new DateTime("2026-02-01T00:00:00Z"))
                .execute().getItems();
        assertThat(expanded).extracting(e -> e.getStart().getDateTime().getValue()).containsExactly(
                Instant.parse("2026-01-05T08:00:00Z").toEpochMilli(),
                Instant.parse("2026-01-12T09:00:00Z").toEpochMilli(),
                Instant.parse("2026-01-19T08:00:00Z").toEpochMilli(),
                Instant.parse("2026-01-21T08:00:00Z").toEpochMilli());
        List<Event> unexpanded = calendar.events().list("primary").execute().getItems();
        assertThat(unexpanded).extracting(Event::getId).containsExactlyInAnyOrder("standup0001",
                "standup0001_20260112T080000Z", "standup0001_20260114T080000Z");
    }

    @Test
    void theAppShowsSeriesExpandedWithExceptionsInPlaceAndCancelledOccurrencesGone() {
        String series = emulator.calendars().createEvent(USER, "primary", Json.parseObject(
                "{\"summary\":\"Weekly\",\"recurrence\":[\"RRULE:FREQ=WEEKLY;COUNT=4\"],"
                        + "\"start\":{\"dateTime\":\"2026-01-12T09:00:00+01:00\",\"timeZone\":\"Europe/Berlin\"},"
                        + "\"end\":{\"dateTime\":\"2026-01-12T09:30:00+01:00\",\"timeZone\":\"Europe/Berlin\"}}"))
                .path("id").asText();
        emulator.calendars().updateEvent(USER, "primary", series + "_20260119T080000Z",
                Json.parseObject("{\"start\":{\"dateTime\":\"2026-01-19T14:00:00+01:00\"},"
                        + "\"end\":{\"dateTime\":\"2026-01-19T14:30:00+01:00\"}}"));
        emulator.calendars().deleteEvent(USER, "primary", series + "_20260126T080000Z");

        List<String> starts = emulator.calendars().occurrences(USER, "primary", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z")).stream().map(e -> e.at("/start/dateTime").asText()).toList();

        assertThat(starts).extracting(start -> OffsetDateTime.parse(start).toInstant()).containsExactly(
                Instant.parse("2026-01-12T08:00:00Z"), Instant.parse("2026-01-19T13:00:00Z"),
                Instant.parse("2026-02-02T08:00:00Z"));
    }

    @Test
    void recurringEventsNeedATimeZone() {
        Event weekly = timed("x", "2026-01-05T09:00:00Z", "2026-01-05T10:00:00Z")
                .setRecurrence(List.of("RRULE:FREQ=DAILY"));

        assertThatThrownBy(() -> calendar.events().insert("primary", weekly).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e ->
                        assertThat(e.getDetails().getMessage()).isEqualTo("Missing time zone definition for start time."));
    }
}
