package io.calendarsync.operator.vendor.microsoft;

import io.calendarsync.emulators.http.Json;
import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.vendor.ChangeSet;
import io.calendarsync.operator.vendor.ExternalCalendar;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.HeldVersions;
import io.calendarsync.operator.vendor.TimeWindow;
import io.calendarsync.operator.vendor.VendorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.calendarsync.operator.vendor.VendorException.Kind.CURSOR_EXPIRED;
import static io.calendarsync.operator.vendor.microsoft.GraphEmulatorFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Full listings of the window and incremental rounds from Graph's calendarView delta links. */
class OutlookChangesTest {

  private static final String DELTA = "GET /v1.0/me/calendars/{calendarId}/calendarView/delta";
  private static final String FIRST_DELTA = "GET /v1.0/me/calendars/{calendarId}/calendarView/delta()";
  private static final String VIEW = "GET /v1.0/me/calendars/{calendarId}/calendarView";
  private static final String BY_ID = "GET /v1.0/me/events/{eventId}";
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));

  private GraphEmulatorFixture graph;

  @AfterEach
  void stop() {
    graph.close();
  }

  @Test
  void listsTheWindowInPagesThenReportsChangesDeletionsMovesAndOurOwnWrites() throws Exception {
    graph = GraphEmulatorFixture.start(2);
    ExternalCalendar calendar = graph.open();
    String dentist = userEvent("Dentist", "2026-01-07T15:00:00", "2026-01-07T16:00:00");
    String gym = userEvent("Gym", "2026-01-08T18:00:00", "2026-01-08T19:00:00");
    String trip = userEvent("Trip", "2026-01-09T08:00:00", "2026-01-09T10:00:00");
    userEvent("Holiday flight", "2026-06-01T08:00:00", "2026-06-01T10:00:00");
    ExternalEvent ours = calendar.create("acme/e1#1",
        Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z"), "acme/e1", Optional.empty());

    ChangeSet full = calendar.changesSince(Optional.empty(), WINDOW);

    assertThat(full.fullListing()).isTrue();
    assertThat(full.changed()).extracting(ExternalEvent::id).containsExactlyInAnyOrder(dentist, gym, trip, ours.id());
    assertThat(full.removedIds()).isEmpty();
    assertThat(full.nextCursor()).startsWith(graph.emulator.baseUrl()).contains("deltatoken");
    assertThat(graph.emulator.requests().get(FIRST_DELTA) + graph.emulator.requests().get(DELTA))
        .as("four instances in pages of two").isEqualTo(2);

    graph.emulator.calendars().updateEvent(USER, "calendar", dentist, Json.parseObject("{\"subject\":\"Dentist 2\"}"));
    graph.emulator.calendars().deleteEvent(USER, "calendar", gym);
    graph.emulator.calendars().updateEvent(USER, "calendar", trip, Json.parseObject(
        "{\"start\":{\"dateTime\":\"2026-04-09T08:00:00\",\"timeZone\":\"UTC\"},"
            + "\"end\":{\"dateTime\":\"2026-04-09T10:00:00\",\"timeZone\":\"UTC\"}}"));
    ExternalEvent ourUpdate = calendar.update(ours.id(), ours.version(),
        Contents.timed("Site visit", "2026-01-07T10:00:00Z", "2026-01-07T11:30:00Z"), "acme/e1");

    ChangeSet changes = calendar.changesSince(Optional.of(full.nextCursor()), WINDOW);

    assertThat(changes.fullListing()).isFalse();
    assertThat(changes.changed()).extracting(ExternalEvent::id).containsExactlyInAnyOrder(dentist, ours.id());
    assertThat(changes.changed()).filteredOn(e -> e.id().equals(dentist)).singleElement()
        .satisfies(e -> assertThat(e.content().title()).isEqualTo("Dentist 2"));
    assertThat(changes.changed()).filteredOn(e -> e.id().equals(ours.id())).singleElement()
        .as("our write comes back with the change key we got: an echo").isEqualTo(ourUpdate);
    assertThat(changes.removedIds()).containsExactlyInAnyOrder(gym, trip);
    assertThat(calendar.get(gym)).isEmpty();
    assertThat(calendar.get(trip)).as("moved out of the window, not deleted")
        .hasValueSatisfying(e -> assertThat(e.content().title()).isEqualTo("Trip"));
    assertThat(changes.nextCursor()).isNotEqualTo(full.nextCursor());
    assertThat(calendar.changesSince(Optional.of(changes.nextCursor()), WINDOW).changed()).isEmpty();
  }

  /** Delta rounds carry no extended properties: a full listing takes our stamp from calendarView pages, not by id. */
  @Test
  void aFullListingReadsTheStampInPagesAndAnIncrementalRoundOnlyWhatTheEngineDoesNotHold() throws Exception {
    graph = GraphEmulatorFixture.start(2);
    ExternalCalendar calendar = graph.open();
    String dentist = userEvent("Dentist", "2026-01-07T15:00:00", "2026-01-07T16:00:00");
    userEvent("Gym", "2026-01-08T18:00:00", "2026-01-08T19:00:00");
    ExternalEvent ours = calendar.create("acme/e1#1",
        Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z"), "acme/e1", Optional.empty());
    graph.emulator.requests().reset();

    ChangeSet full = calendar.changesSince(Optional.empty(), WINDOW);

    assertThat(full.changed()).filteredOn(e -> e.id().equals(ours.id())).singleElement()
        .satisfies(e -> assertThat(e.ownerTag()).contains("acme/e1"));
    assertThat(graph.emulator.requests().get(BY_ID)).as("no event read on its own").isZero();
    assertThat(graph.emulator.requests().get(VIEW) + graph.emulator.requests().get(DELTA)
        + graph.emulator.requests().get(FIRST_DELTA)).as("three instances, pages of two, twice").isEqualTo(4);

    graph.emulator.calendars().updateEvent(USER, "calendar", dentist, Json.parseObject("{\"subject\":\"Dentist 2\"}"));
    ExternalEvent ourUpdate = calendar.update(ours.id(), ours.version(),
        Contents.timed("Site visit", "2026-01-07T10:00:00Z", "2026-01-07T11:30:00Z"), "acme/e1");
    graph.emulator.requests().reset();
    HeldVersions engine = ids -> ids.contains(ours.id()) ? Map.of(ours.id(), ourUpdate.version()) : Map.of();

    ChangeSet changes = calendar.changesSince(Optional.of(full.nextCursor()), WINDOW, engine);

    assertThat(changes.changed()).extracting(ExternalEvent::id).containsExactly(dentist);
    assertThat(changes.changed().get(0).content().title()).isEqualTo("Dentist 2");
    assertThat(graph.emulator.requests().get(BY_ID)).as("only the event the engine does not hold").isEqualTo(1);
  }

  /** The calendar is resolved once an hour, not on every sync. */
  @Test
  void anIncrementalRoundWithNothingNewCostsOneDeltaRequest() throws Exception {
    graph = GraphEmulatorFixture.start(2);
    String cursor = graph.open().changesSince(Optional.empty(), WINDOW).nextCursor();
    graph.emulator.requests().reset();

    graph.open().changesSince(Optional.of(cursor), WINDOW);

    assertThat(graph.emulator.requests().snapshot()).containsOnly(Map.entry(DELTA, 1L));
  }

  @Test
  void anExpiredDeltaLinkIsCursorExpired() throws Exception {
    graph = GraphEmulatorFixture.start();
    ExternalCalendar calendar = graph.open();
    String cursor = calendar.changesSince(Optional.empty(), WINDOW).nextCursor();

    graph.emulator.calendars().invalidateSyncState();

    assertThatThrownBy(() -> calendar.changesSince(Optional.of(cursor), WINDOW))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.kind()).isEqualTo(CURSOR_EXPIRED);
          assertThat(e.getMessage()).contains("410", "SyncStateNotFound").doesNotContain("deltatoken");
        });
  }

  @Test
  void listsOnlyTheCalendarTheProviderNames() throws Exception {
    graph = GraphEmulatorFixture.start();
    String teamId = graph.emulator.calendars().createCalendar(USER, null, "Field team").id();
    userEvent("Dentist", "2026-01-07T15:00:00", "2026-01-07T16:00:00");
    String teamVisit = graph.emulator.calendars().createEvent(USER, teamId, Json.parseObject(
        "{\"subject\":\"Team visit\",\"start\":{\"dateTime\":\"2026-01-08T09:00:00\",\"timeZone\":\"UTC\"},"
            + "\"end\":{\"dateTime\":\"2026-01-08T10:00:00\",\"timeZone\":\"UTC\"}}")).get("id").asText();

    ChangeSet full = graph.open(teamId).changesSince(Optional.empty(), WINDOW);

    assertThat(full.changed()).extracting(ExternalEvent::id).containsExactly(teamVisit);
  }

  @Test
  void aFullListingReportsEachEventAsAReadByIdDoes() throws Exception {
    graph = GraphEmulatorFixture.start(100);
    ExternalCalendar calendar = graph.open();
    String lunch = graph.emulator.calendars().createEvent(USER, "calendar", Json.parseObject("{\"subject\":\"Lunch\","
        + "\"body\":{\"contentType\":\"text\",\"content\":\"Table for two\"},"
        + "\"location\":{\"displayName\":\"Harbour Cafe\"},\"showAs\":\"tentative\",\"sensitivity\":\"private\","
        + "\"start\":{\"dateTime\":\"2026-01-07T12:00:00\",\"timeZone\":\"W. Europe Standard Time\"},"
        + "\"end\":{\"dateTime\":\"2026-01-07T13:00:00\",\"timeZone\":\"W. Europe Standard Time\"}}"))
        .get("id").asText();
    String gym = userEvent("Gym", "2026-01-08T18:00:00", "2026-01-08T19:00:00");
    ExternalEvent visit = calendar.create("acme/e1#1",
        Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z"), "acme/e1", Optional.empty());
    ExternalEvent holiday = calendar.create("acme/e2#1", Contents.allDay("Holiday", "2026-01-12", "2026-01-14"),
        "acme/e2", Optional.empty());

    ChangeSet full = calendar.changesSince(Optional.empty(), WINDOW);

    assertThat(full.changed()).extracting(ExternalEvent::id)
        .containsExactlyInAnyOrder(lunch, gym, visit.id(), holiday.id());
    for (ExternalEvent listed : full.changed()) {
      assertThat(Optional.of(listed)).as("listed %s", listed.content().title()).isEqualTo(calendar.get(listed.id()));
    }
    assertThat(full.changed()).filteredOn(e -> e.id().equals(lunch)).singleElement().satisfies(e -> {
      assertThat(e.content().description()).isEqualTo("Table for two");
      assertThat(e.content().status()).isEqualTo(EntryStatus.TENTATIVE);
      assertThat(e.content().privateEvent()).isTrue();
    });
    assertThat(full.changed()).filteredOn(e -> e.id().equals(visit.id())).singleElement()
        .as("our stamp: owner tag and zone").satisfies(e -> {
          assertThat(e.ownerTag()).contains("acme/e1");
          assertThat(e.content().timeZone()).isEqualTo(Contents.BERLIN);
        });
  }

  private String userEvent(String title, String start, String end) {
    return graph.emulator.calendars().createEvent(USER, "calendar", Json.parseObject("{\"subject\":\"" + title + "\","
        + "\"start\":{\"dateTime\":\"" + start + "\",\"timeZone\":\"UTC\"},"
        + "\"end\":{\"dateTime\":\"" + end + "\",\"timeZone\":\"UTC\"}}")).get("id").asText();
  }
}
