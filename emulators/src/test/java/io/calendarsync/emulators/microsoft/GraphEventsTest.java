package io.calendarsync.emulators.microsoft;

import static io.calendarsync.emulators.microsoft.GraphTestSupport.USER;
import static io.calendarsync.emulators.microsoft.GraphTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.microsoft.graph.models.Attendee;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.Sensitivity;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.http.Json;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphEventsTest {

    private static final String ENTRY_PROPERTY = "String {66f5a359-4659-4830-9070-00047ec6ac6e} Name entryId";

    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-05T08:00:00Z"));
    private GraphEmulator emulator;
    private GraphServiceClient graph;

    @BeforeEach
    void start() {
        emulator = GraphEmulator.start(0, clock);
        graph = GraphTestSupport.client(emulator, GraphTestSupport.setUp(emulator), clock);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void theAppShowsSeriesExpandedWithExceptionsInPlaceAndDeletedOccurrencesGone() {
        emulator.calendars().createEvent(USER, "calendar", Json.parseObject(
                "{\"subject\":\"Weekly\",\"start\":{\"dateTime\":\"2026-01-12T09:00:00\",\"timeZone\":\"W. Europe Standard Time\"},"
                        + "\"end\":{\"dateTime\":\"2026-01-12T09:30:00\",\"timeZone\":\"W. Europe Standard Time\"},"
                        + "\"recurrence\":{\"pattern\":{\"type\":\"weekly\",\"interval\":1,\"daysOfWeek\":[\"monday\"]},"
                        + "\"range\":{\"type\":\"numbered\",\"startDate\":\"2026-01-12\",\"numberOfOccurrences\":4}}}"));
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-01T00:00:00Z");
        List<String> ids = emulator.calendars().occurrences(USER, "calendar", from, to).stream()
                .map(e -> e.path("id").asText()).toList();

        emulator.calendars().updateEvent(USER, "calendar", ids.get(1), Json.parseObject(
                "{\"start\":{\"dateTime\":\"2026-01-19T13:00:00\",\"timeZone\":\"UTC\"},"
                        + "\"end\":{\"dateTime\":\"2026-01-19T13:30:00\",\"timeZone\":\"UTC\"}}"));
        emulator.calendars().deleteEvent(USER, "calendar", ids.get(2));

        assertThat(emulator.calendars().occurrences(USER, "calendar", from, to))
                .extracting(e -> e.path("id").asText(), e -> e.path("type").asText())
                .containsExactly(tuple(ids.get(0), "occurrence"),
                        tuple(ids.get(1), "exception"),
                        tuple(ids.get(3), "occurrence"));
    }

    @Test
    void aRetriedCreateWithTheSameTransactionIdReturnsTheFirstEvent() {
        Supplier<Event> event = () -> {
            // A fresh model per request: the SDK's backing store sends only fields changed since the last send.
            Event e = event("Site visit", "2026-01-06T09:00:00", "2026-01-06T10:00:00", "W. Europe Standard Time");
            e.setTransactionId("entry-42-v1");
            return e;
        };

        Event first = graph.me().events().post(event.get());
        Event retry = graph.me().events().post(event.get());

        assertThat(retry.getId()).isEqualTo(first.getId());
        assertThat(retry.getChangeKey()).isEqualTo(first.getChangeKey());
        assertThat(emulator.calendars().events(USER, "calendar")).hasSize(1);
        assertThat(first.getType().getValue()).isEqualTo("singleInstance");
        assertThat(first.getAdditionalData().get("@odata.etag")).isEqualTo("W/\"" + first.getChangeKey() + "\"");
        assertThat(first.getStart().getTimeZone()).isEqualTo("UTC");
        assertThat(first.getStart().getDateTime()).isEqualTo("2026-01-06T08:00:00.0000000");
        assertThat(first.getOriginalStartTimeZone()).isEqualTo("W. Europe Standard Time");
    }

    @Test
    void readsInThePreferredTimeZone() {
        Event created = graph.me().events().post(event("x", "2026-07-06T09:00:00", "2026-07-06T10:00:00", "UTC"));

        Event pacific = graph.me().events().byEventId(created.getId())
                .get(c -> c.headers.add("Prefer", "outlook.timezone=\"Pacific Standard Time\""));

        assertThat(pacific.getStart().getDateTime()).isEqualTo("2026-07-06T02:00:00.0000000");
        assertThat(pacific.getStart().getTimeZone()).isEqualTo("Pacific Standard Time");
    }

    @Test
    void staleIfMatchIs412ErrorIrresolvableConflict() {
        Event created = graph.me().events().post(event("v1", "2026-01-06T09:00:00", "2026-01-06T10:00:00", "UTC"));
        Event change = new Event();
        change.setSubject("v2");
        graph.me().events().byEventId(created.getId()).patch(change);
        String staleEtag = (String) created.getAdditionalData().get("@odata.etag");

        assertThatThrownBy(() -> graph.me().events().byEventId(created.getId())
                .patch(change, c -> c.headers.add("If-Match", staleEtag)))
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(412);
                    assertThat(e.getError().getCode()).isEqualTo("ErrorIrresolvableConflict");
                });
    }

    @Test
    void unknownIdsAre404ErrorItemNotFoundWithRequestIds() {
        assertThatThrownBy(() -> graph.me().events().byEventId("AAMkAGnope").get())
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(404);
                    assertThat(e.getError().getCode()).isEqualTo("ErrorItemNotFound");
                    assertThat(e.getError().getInnerError().getRequestId()).isNotBlank();
                    assertThat(e.getResponseHeaders().get("request-id")).isNotEmpty();
                });
    }

    @Test
    void patchKeepsOtherFieldsAndMovesTheChangeKey() {
        Event input = event("v1", "2026-01-06T09:00:00", "2026-01-06T10:00:00", "UTC");
        input.setSensitivity(Sensitivity.Private);
        Event created = graph.me().events().post(input);
        clock.advance(java.time.Duration.ofMinutes(1));
        Event change = new Event();
        change.setSubject("v2");

        Event patched = graph.me().events().byEventId(created.getId()).patch(change);

        assertThat(patched.getSubject()).isEqualTo("v2");
        assertThat(patched.getSensitivity()).isEqualTo(Sensitivity.Private);
        assertThat(patched.getChangeKey()).isNotEqualTo(created.getChangeKey());
        assertThat(patched.getLastModifiedDateTime()).isAfter(created.getLastModifiedDateTime());
        graph.me().events().byEventId(created.getId()).delete();
        assertThatThrownBy(() -> graph.me().events().byEventId(created.getId()).get())
                .isInstanceOf(ODataError.class);
    }

    @Test
    void extendedPropertiesComeBackOnlyWhenExpandedAndCanBeFilteredOn() {
        Event input = event("ours", "2026-01-06T09:00:00", "2026-01-06T10:00:00", "UTC");
        SingleValueLegacyExtendedProperty property = new SingleValueLegacyExtendedProperty();
        property.setId(ENTRY_PROPERTY);
        property.setValue("entry-7");
        input.setSingleValueExtendedProperties(List.of(property));
        Event created = graph.me().events().post(input);
        graph.me().events().post(event("theirs", "2026-01-06T11:00:00", "2026-01-06T12:00:00", "UTC"));

        assertThat(graph.me().events().byEventId(created.getId()).get().getSingleValueExtendedProperties()).isNull();
        Event expanded = graph.me().events().byEventId(created.getId()).get(c -> c.queryParameters.expand =
                new String[] {"singleValueExtendedProperties($filter=id eq '" + ENTRY_PROPERTY + "')"});
        assertThat(expanded.getSingleValueExtendedProperties()).extracting(SingleValueLegacyExtendedProperty::getValue)
                .containsExactly("entry-7");
        List<Event> found = graph.me().events().get(c -> c.queryParameters.filter =
                "singleValueExtendedProperties/Any(ep: ep/id eq '" + ENTRY_PROPERTY + "' and ep/value eq 'entry-7')")
                .getValue();
        assertThat(found).extracting(Event::getSubject).containsExactly("ours");
    }

    /** A next link pins what the first page listed: events written meanwhile neither appear nor shift the pages. */
    @Test
    void calendarViewPagesAreOneSnapshotWithTheFirstPagesQuery() {
        for (int day = 6; day <= 8; day++) {
            graph.me().events().post(event("day " + day, "2026-01-0" + day + "T09:00:00", "2026-01-0" + day + "T10:00:00",
                    "UTC"));
        }
        var first = graph.me().calendarView().get(c -> {
            c.queryParameters.startDateTime = "2026-01-01T00:00:00Z";
            c.queryParameters.endDateTime = "2026-02-01T00:00:00Z";
            c.queryParameters.top = 2;
        });
        graph.me().events().post(event("day 5", "2026-01-05T09:00:00", "2026-01-05T10:00:00", "UTC"));

        var second = graph.me().calendarView().withUrl(first.getOdataNextLink()).get();

        assertThat(first.getOdataNextLink()).contains("$skiptoken=").contains("startDateTime=");
        assertThat(first.getValue()).extracting(Event::getSubject).containsExactly("day 6", "day 7");
        assertThat(second.getValue()).extracting(Event::getSubject).containsExactly("day 8");
        assertThat(second.getOdataNextLink()).isNull();
    }

    @Test
    void recordsInvitationsForAttendeesOnNonDraftEvents() {
        graph.me().events().post(event("alone", "2026-01-06T09:00:00", "2026-01-06T10:00:00", "UTC"));
        assertThat(emulator.invitations().all()).isEmpty();

        Event withGuest = event("review", "2026-01-06T11:00:00", "2026-01-06T12:00:00", "UTC");
        Attendee attendee = new Attendee();
        EmailAddress address = new EmailAddress();
        address.setAddress("carol@example.com");
        attendee.setEmailAddress(address);
        withGuest.setAttendees(List.of(attendee));
        graph.me().events().post(withGuest);

        assertThat(emulator.invitations().all()).singleElement()
                .satisfies(i -> assertThat(i.attendees()).containsExactly("carol@example.com"));
    }

    @Test
    void allDayEventsMustSpanMidnights() {
        Event allDay = event("holiday", "2026-01-07T00:00:00", "2026-01-08T00:00:00", "W. Europe Standard Time");
        allDay.setIsAllDay(true);
        Event created = graph.me().events().post(allDay);
        Event read = graph.me().events().byEventId(created.getId())
                .get(c -> c.headers.add("Prefer", "outlook.timezone=\"Pacific Standard Time\""));
        assertThat(read.getStart().getDateTime()).isEqualTo("2026-01-07T00:00:00.0000000");

        Event shifted = event("broken", "2026-01-06T23:00:00", "2026-01-07T23:00:00", "UTC");
        shifted.setIsAllDay(true);
        assertThatThrownBy(() -> graph.me().events().post(shifted))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
    }

    @Test
    void writesToANamedCalendarStayThere() {
        String calendarId = emulator.calendars().createCalendar(USER, null, "Work").id();

        graph.me().calendars().byCalendarId(calendarId).events()
                .post(event("work", "2026-01-06T09:00:00", "2026-01-06T10:00:00", "UTC"));

        assertThat(graph.me().calendars().byCalendarId(calendarId).events().get().getValue()).hasSize(1);
        assertThat(graph.me().events().get().getValue()).isEmpty();
        assertThat(graph.me().calendar().get().getIsDefaultCalendar()).isTrue();
    }
}
