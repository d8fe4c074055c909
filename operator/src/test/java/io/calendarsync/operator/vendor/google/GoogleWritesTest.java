package io.calendarsync.operator.vendor.google;

import com.fasterxml.jackson.databind.JsonNode;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.vendor.EventContent;
import io.calendarsync.operator.vendor.ExternalCalendar;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.VendorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.calendarsync.operator.vendor.VendorException.Kind.PRECONDITION_FAILED;
import static io.calendarsync.operator.vendor.google.GoogleEmulatorFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes against the emulator through the real client library: ids, idempotency, If-Match, owner tags, no invitations. */
class GoogleWritesTest {

  private static final String INSERT = "POST /calendar/v3/calendars/{calendarId}/events";
  private static final String PATCH = "PATCH /calendar/v3/calendars/{calendarId}/events/{eventId}";

  private GoogleEmulatorFixture google;
  private ExternalCalendar calendar;

  @BeforeEach
  void start() throws Exception {
    google = GoogleEmulatorFixture.start();
    calendar = google.open();
  }

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void createsReadsUpdatesAndDeletes() throws Exception {
    EventContent visit = Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z");

    ExternalEvent created = calendar.create("acme/e1#1", visit, "acme/e1", Optional.empty());

    assertThat(created.id()).matches("[a-v0-9]{26}");
    assertThat(created.content()).isEqualTo(visit);
    assertThat(created.version()).isNotBlank();
    assertThat(created.cancelled()).isFalse();
    assertThat(calendar.get(created.id())).contains(created);

    EventContent moved = Contents.timed("Site visit (moved)", "2026-01-08T13:00:00Z", "2026-01-08T14:00:00Z");
    ExternalEvent updated = calendar.update(created.id(), created.version(), moved, "acme/e1");

    assertThat(updated.content()).isEqualTo(moved);
    assertThat(updated.version()).isNotEqualTo(created.version());
    assertThat(calendar.get(created.id())).contains(updated);

    calendar.delete(created.id(), updated.version());

    assertThat(calendar.get(created.id())).hasValueSatisfying(event -> assertThat(event.cancelled()).isTrue());
    calendar.delete(created.id(), updated.version());
    calendar.delete("neverexisted0", updated.version());
    assertThat(google.emulator.calendars().events(USER, "primary")).isEmpty();
  }

  @Test
  void anUpdateToCancelledDeletesTheEvent() throws Exception {
    EventContent visit = Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z");
    ExternalEvent created = calendar.create("acme/e1#1", visit, "acme/e1", Optional.empty());

    ExternalEvent cancelled = calendar.update(created.id(), created.version(),
        Contents.withStatus(visit, EntryStatus.CANCELLED), "acme/e1");

    assertThat(cancelled.cancelled()).isTrue();
    assertThat(google.emulator.calendars().events(USER, "primary")).isEmpty();
  }

  @Test
  void aRepeatedCreateAdoptsTheEventTheFirstOneMade() throws Exception {
    EventContent visit = Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z");
    ExternalEvent first = calendar.create("acme/e1#1", visit, "acme/e1", Optional.empty());

    ExternalEvent again = calendar.create("acme/e1#1", visit, "acme/e1", Optional.empty());

    assertThat(again).isEqualTo(first);
    assertThat(google.emulator.calendars().events(USER, "primary")).hasSize(1);
    assertThat(google.emulator.requests().get(INSERT)).as("the second insert met a 409").isEqualTo(2);
  }

  @Test
  void anEditInTheCalendarAppFailsTheIfMatch() throws Exception {
    ExternalEvent created = calendar.create("acme/e1#1",
        Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z"), "acme/e1", Optional.empty());
    google.emulator.calendars().updateEvent(USER, "primary", created.id(),
        Json.parseObject("{\"summary\":\"Alice's own title\"}"));
    EventContent ours = Contents.timed("Platform title", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z");

    assertThatThrownBy(() -> calendar.update(created.id(), created.version(), ours, "acme/e1"))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(PRECONDITION_FAILED));
    assertThatThrownBy(() -> calendar.delete(created.id(), created.version()))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(PRECONDITION_FAILED));
    assertThat(google.emulator.calendars().event(USER, "primary", created.id()).path("summary").asText())
        .isEqualTo("Alice's own title");
  }

  /** An update is a single request: the PATCH carries the If-Match, no read comes first. */
  @Test
  void anUpdateIsOneConditionalPatch() throws Exception {
    ExternalEvent created = calendar.create("acme/e1#1",
        Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z"), "acme/e1", Optional.empty());
    google.emulator.requests().reset();

    calendar.update(created.id(), created.version(),
        Contents.timed("Platform title", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z"), "acme/e1");

    assertThat(google.emulator.requests().snapshot()).containsOnlyKeys(PATCH);
    assertThat(google.emulator.requests().get(PATCH)).isEqualTo(1);
  }

  /** A patch keeps what it omits, so what the entry no longer has is sent as null. */
  @Test
  void anUpdateSwitchesBetweenTimedAndAllDayAndClearsWhatTheEntryDropped() throws Exception {
    EventContent timed = Contents.timed("Offsite", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z");
    ExternalEvent created = calendar.create("acme/e1#1", timed, "acme/e1", Optional.empty());
    EventContent allDayWithoutPlace = Contents.allDay("Offsite", "2026-01-07", "2026-01-09");

    ExternalEvent days = calendar.update(created.id(), created.version(), allDayWithoutPlace, "acme/e1");
    ExternalEvent back = calendar.update(created.id(), days.version(), timed, "acme/e1");

    assertThat(days.content()).isEqualTo(allDayWithoutPlace);
    assertThat(back.content()).isEqualTo(timed);
    assertThat(calendar.get(created.id()).orElseThrow().content()).isEqualTo(timed);
  }

  @Test
  void ourEventsCarryTheOwnerTagAndTheUsersDoNot() throws Exception {
    ExternalEvent ours = calendar.create("acme/e1#1",
        Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z"), "acme/e1", Optional.empty());
    JsonNode theirs = google.emulator.calendars().createEvent(USER, "primary", Json.parseObject(
        "{\"summary\":\"Dentist\",\"start\":{\"dateTime\":\"2026-01-07T15:00:00Z\"},"
            + "\"end\":{\"dateTime\":\"2026-01-07T16:00:00Z\"}}"));

    assertThat(google.emulator.calendars().event(USER, "primary", ours.id())
        .at("/extendedProperties/private/calendarsync-entry").asText()).isEqualTo("acme/e1");
    assertThat(calendar.get(ours.id()).orElseThrow().ownerTag()).contains("acme/e1");
    assertThat(calendar.get(theirs.get("id").asText()).orElseThrow().ownerTag()).isEmpty();
  }

  @Test
  void neverInvitesAnyoneAndKeepsTheGuestsTheUserAdded() throws Exception {
    ExternalEvent created = calendar.create("acme/e1#1",
        Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z"), "acme/e1", Optional.empty());
    google.emulator.calendars().updateEvent(USER, "primary", created.id(), Json.parseObject(
        "{\"attendees\":[{\"email\":\"bob@example.com\"},{\"email\":\"carol@example.com\"}]}"));
    String edited = calendar.get(created.id()).orElseThrow().version();

    ExternalEvent updated = calendar.update(created.id(), edited,
        Contents.timed("Site visit (longer)", "2026-01-07T08:00:00Z", "2026-01-07T11:00:00Z"), "acme/e1");
    calendar.delete(created.id(), updated.version());

    assertThat(google.emulator.invitations().all()).isEmpty();
    assertThat(google.emulator.calendars().event(USER, "primary", created.id()).path("attendees")
        .findValuesAsText("email")).containsExactly("bob@example.com", "carol@example.com");
    assertThat(google.connections.writes()).hasSize(3)
        .allSatisfy(write -> assertThat(write).contains("sendUpdates=none"));
  }
}
