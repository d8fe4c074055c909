package io.calendarsync.operator.vendor.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import io.calendarsync.emulators.http.Fault;
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
import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;
import static io.calendarsync.operator.vendor.microsoft.GraphEmulatorFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes through the real Graph SDK: the provider's calendar, idempotency, If-Match, owner tags, no invitations. */
class OutlookWritesTest {

  private static final String CREATE = "POST /v1.0/me/calendars/{calendarId}/events";
  private static final String PATCH = "PATCH /v1.0/me/events/{eventId}";
  private static final EventContent VISIT = Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z");

  private GraphEmulatorFixture graph;
  private ExternalCalendar calendar;

  @BeforeEach
  void start() throws Exception {
    graph = GraphEmulatorFixture.start();
    calendar = graph.open();
  }

  @AfterEach
  void stop() {
    graph.close();
  }

  @Test
  void createsReadsUpdatesAndDeletesInTheDefaultCalendar() throws Exception {
    ExternalEvent created = calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty());

    assertThat(created.content()).isEqualTo(VISIT);
    assertThat(created.version()).isNotBlank();
    assertThat(created.cancelled()).isFalse();
    assertThat(calendar.get(created.id())).contains(created);
    assertThat(graph.emulator.calendars().events(USER, "calendar")).hasSize(1);

    EventContent moved = Contents.timed("Site visit (moved)", "2026-01-08T13:00:00Z", "2026-01-08T14:00:00Z");
    ExternalEvent updated = calendar.update(created.id(), created.version(), moved, "acme/e1");

    assertThat(updated.content()).isEqualTo(moved);
    assertThat(updated.version()).isNotEqualTo(created.version());
    assertThat(calendar.get(created.id())).contains(updated);

    calendar.delete(created.id(), updated.version());

    assertThat(calendar.get(created.id())).isEmpty();
    calendar.delete(created.id(), updated.version());
    assertThat(graph.emulator.calendars().events(USER, "calendar")).isEmpty();
  }

  @Test
  void writesToTheCalendarTheProviderNames() throws Exception {
    String teamId = graph.emulator.calendars().createCalendar(USER, null, "Field team").id();
    ExternalCalendar team = graph.open(teamId);

    ExternalEvent created = team.create("acme/e1#1", VISIT, "acme/e1", Optional.empty());
    ExternalEvent updated = team.update(created.id(), created.version(),
        Contents.timed("Site visit (moved)", "2026-01-08T13:00:00Z", "2026-01-08T14:00:00Z"), "acme/e1");

    assertThat(graph.emulator.calendars().events(USER, teamId)).extracting(e -> e.get("subject").asText())
        .containsExactly("Site visit (moved)");
    assertThat(graph.emulator.calendars().events(USER, "calendar")).isEmpty();
    assertThat(team.get(created.id())).contains(updated);

    team.delete(created.id(), updated.version());

    assertThat(graph.emulator.calendars().events(USER, teamId)).isEmpty();
  }

  @Test
  void aRepeatedCreateReturnsTheEventTheFirstOneMade() throws Exception {
    ExternalEvent first = calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty());

    ExternalEvent again = calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty());

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.version()).isEqualTo(first.version());
    assertThat(graph.emulator.calendars().events(USER, "calendar")).hasSize(1);
    assertThat(graph.emulator.requests().get(CREATE)).as("the second create carried the same transactionId")
        .isEqualTo(2);
  }

  @Test
  void anEditInOutlookFailsTheIfMatch() throws Exception {
    ExternalEvent created = calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty());
    graph.emulator.calendars().updateEvent(USER, "calendar", created.id(),
        Json.parseObject("{\"subject\":\"Alice's own title\"}"));
    EventContent ours = Contents.timed("Platform title", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z");

    assertThatThrownBy(() -> calendar.update(created.id(), created.version(), ours, "acme/e1"))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(PRECONDITION_FAILED));
    assertThatThrownBy(() -> calendar.delete(created.id(), created.version()))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(PRECONDITION_FAILED));
    assertThat(graph.emulator.calendars().event(USER, "calendar", created.id()).path("subject").asText())
        .isEqualTo("Alice's own title");
  }

  /** An edit landing between our read and our write is caught by the If-Match the PATCH carries (Graph's 412). */
  @Test
  void thePatchItselfCarriesTheIfMatch() throws Exception {
    ExternalEvent created = calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty());
    graph.emulator.faults().add(Fault.status(412).withCode("ErrorIrresolvableConflict", "The change key does not match")
        .on("PATCH", ".*"));

    assertThatThrownBy(() -> calendar.update(created.id(), created.version(),
        Contents.timed("Platform title", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z"), "acme/e1"))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(PRECONDITION_FAILED));
    assertThat(graph.emulator.requests().get(PATCH)).isEqualTo(1);
  }

  /** What decides the write travels in the version held since the last sync: one PATCH, one DELETE, no read. */
  @Test
  void anUpdateIsOnePatchAndADeleteOneDeleteWithoutARead() throws Exception {
    ExternalEvent created = calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty());
    graph.emulator.calendars().updateEvent(USER, "calendar", created.id(),
        Json.parseObject("{\"showAs\":\"oof\",\"sensitivity\":\"personal\"}"));
    ExternalEvent chosen = calendar.get(created.id()).orElseThrow();
    long requests = graph.emulator.requests().snapshot().values().stream().mapToLong(Long::longValue).sum();

    ExternalEvent updated = calendar.update(created.id(), chosen.version(),
        Contents.timed("Site visit (moved)", "2026-01-08T13:00:00Z", "2026-01-08T14:00:00Z"), "acme/e1");
    calendar.delete(created.id(), updated.version());

    assertThat(graph.emulator.requests().snapshot().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(requests + 2);
    assertThat(graph.emulator.requests().get(PATCH)).isEqualTo(1);
    assertThat(graph.emulator.calendars().events(USER, "calendar")).isEmpty();
  }

  /** Known from the held version too: the user's free/busy display (away) and "personal" sensitivity are kept. */
  @Test
  void theUsersDisplayAndSensitivitySurviveAnUpdate() throws Exception {
    ExternalEvent created = calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty());
    graph.emulator.calendars().updateEvent(USER, "calendar", created.id(),
        Json.parseObject("{\"showAs\":\"oof\",\"sensitivity\":\"personal\"}"));

    calendar.update(created.id(), calendar.get(created.id()).orElseThrow().version(),
        Contents.timed("Site visit (moved)", "2026-01-08T13:00:00Z", "2026-01-08T14:00:00Z"), "acme/e1");

    JsonNode stored = graph.emulator.calendars().event(USER, "calendar", created.id());
    assertThat(stored.path("showAs").asText()).isEqualTo("oof");
    assertThat(stored.path("sensitivity").asText()).isEqualTo("personal");
  }

  @Test
  void anUpdateToCancelledDeletesTheEvent() throws Exception {
    ExternalEvent created = calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty());

    ExternalEvent cancelled = calendar.update(created.id(), created.version(),
        Contents.withStatus(VISIT, EntryStatus.CANCELLED), "acme/e1");

    assertThat(cancelled.cancelled()).isTrue();
    assertThat(graph.emulator.calendars().events(USER, "calendar")).isEmpty();
    assertThat(calendar.get(created.id())).isEmpty();
  }

  @Test
  void tentativeAndPrivateAreShowAsAndSensitivity() throws Exception {
    EventContent tentative = new EventContent("Maybe", null, null, VISIT.timing(), VISIT.timeZone(),
        VISIT.recurrence(), EntryStatus.TENTATIVE, true);

    ExternalEvent created = calendar.create("acme/e1#1", tentative, "acme/e1", Optional.empty());

    JsonNode stored = graph.emulator.calendars().event(USER, "calendar", created.id());
    assertThat(stored.path("showAs").asText()).isEqualTo("tentative");
    assertThat(stored.path("sensitivity").asText()).isEqualTo("private");
    assertThat(calendar.get(created.id()).orElseThrow().content()).isEqualTo(tentative);
  }

  @Test
  void ourEventsCarryTheOwnerTagAndTheUsersDoNot() throws Exception {
    ExternalEvent ours = calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty());
    JsonNode theirs = graph.emulator.calendars().createEvent(USER, "calendar", Json.parseObject(
        "{\"subject\":\"Dentist\",\"start\":{\"dateTime\":\"2026-01-07T15:00:00\",\"timeZone\":\"UTC\"},"
            + "\"end\":{\"dateTime\":\"2026-01-07T16:00:00\",\"timeZone\":\"UTC\"}}"));

    assertThat(graph.emulator.calendars().event(USER, "calendar", ours.id()).path("singleValueExtendedProperties")
        .findValuesAsText("value")).contains("acme/e1");
    assertThat(calendar.get(ours.id()).orElseThrow().ownerTag()).contains("acme/e1");
    assertThat(calendar.get(theirs.get("id").asText()).orElseThrow().ownerTag()).isEmpty();
  }

  /** Graph cannot change or delete a meeting without notifying its attendees, so such writes are refused. */
  @Test
  void neverSendsInvitationsAndLeavesMeetingsToTheirOrganizer() throws Exception {
    ExternalEvent created = calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty());
    ExternalEvent solo = calendar.update(created.id(), created.version(),
        Contents.timed("Site visit (longer)", "2026-01-07T08:00:00Z", "2026-01-07T11:00:00Z"), "acme/e1");
    graph.emulator.calendars().updateEvent(USER, "calendar", created.id(), Json.parseObject(
        "{\"attendees\":[{\"emailAddress\":{\"address\":\"bob@contoso.example\"},\"type\":\"required\"}]}"));
    graph.emulator.invitations().clear();
    String meeting = calendar.get(created.id()).orElseThrow().version();

    assertThat(graph.emulator.calendars().event(USER, "calendar", solo.id()).path("attendees").size()).isEqualTo(1);
    assertThatThrownBy(() -> calendar.update(created.id(), meeting, VISIT, "acme/e1"))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.kind()).isEqualTo(REJECTED);
          assertThat(e.getMessage()).contains("meeting with attendees");
        });
    assertThatThrownBy(() -> calendar.delete(created.id(), meeting))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(REJECTED));
    assertThat(graph.emulator.invitations().all()).isEmpty();
    assertThat(graph.emulator.calendars().events(USER, "calendar")).hasSize(1);
  }
}
