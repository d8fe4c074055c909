package io.calendarsync.operator.vendor.google;

import com.fasterxml.jackson.databind.JsonNode;
import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.vendor.ChangeSet;
import io.calendarsync.operator.vendor.EventContent;
import io.calendarsync.operator.vendor.ExternalCalendar;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.OccurrenceOf;
import io.calendarsync.operator.vendor.TimeWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.calendarsync.operator.vendor.google.GoogleEmulatorFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

/** What we write comes back the same: all-day lengths, zones and instants, series with their exceptions. */
class GoogleRoundTripTest {

  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));

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
  void allDayEventsKeepTheirLength() throws Exception {
    EventContent oneDay = Contents.allDay("Inventory", "2026-01-07", "2026-01-08");
    EventContent threeDays = Contents.allDay("Trade fair", "2026-01-07", "2026-01-10");

    ExternalEvent short1 = calendar.create("acme/d1#1", oneDay, "acme/d1", Optional.empty());
    ExternalEvent long3 = calendar.create("acme/d3#1", threeDays, "acme/d3", Optional.empty());
    ExternalEvent renamed = calendar.update(long3.id(), long3.version(),
        Contents.allDay("Trade fair (booth 12)", "2026-01-07", "2026-01-10"), "acme/d3");

    JsonNode stored = google.emulator.calendars().event(USER, "primary", long3.id());
    assertThat(stored.at("/start/date").asText()).isEqualTo("2026-01-07");
    assertThat(stored.at("/end/date").asText()).isEqualTo("2026-01-10");
    assertThat(stored.at("/start/dateTime").isMissingNode()).isTrue();
    assertThat(calendar.get(short1.id()).orElseThrow().content()).isEqualTo(oneDay);
    assertThat(renamed.content().timing()).isEqualTo(threeDays.timing());
    Map<String, ExternalEvent> listed = byId(calendar.changesSince(Optional.empty(), WINDOW));
    assertThat(listed.get(short1.id()).content().timing()).isEqualTo(oneDay.timing());
    assertThat(listed.get(long3.id()).content().timing()).isEqualTo(threeDays.timing());
  }

  @Test
  void timedEventsKeepTheirZoneAndInstants() throws Exception {
    EventContent visit = Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z");

    ExternalEvent created = calendar.create("acme/e1#1", visit, "acme/e1", Optional.empty());

    JsonNode stored = google.emulator.calendars().event(USER, "primary", created.id());
    assertThat(stored.at("/start/timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(stored.at("/start/dateTime").asText()).startsWith("2026-01-07T09:00:00").endsWith("+01:00");
    assertThat(stored.at("/end/dateTime").asText()).startsWith("2026-01-07T10:30:00").endsWith("+01:00");
    assertThat(calendar.get(created.id()).orElseThrow().content()).isEqualTo(visit);
    assertThat(byId(calendar.changesSince(Optional.empty(), WINDOW)).get(created.id()).content()).isEqualTo(visit);
  }

  @Test
  void anEventCanSwitchBetweenTimedAndAllDay() throws Exception {
    ExternalEvent created = calendar.create("acme/e1#1",
        Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z"), "acme/e1", Optional.empty());
    EventContent wholeDay = Contents.allDay("Site visit", "2026-01-07", "2026-01-08");

    ExternalEvent allDay = calendar.update(created.id(), created.version(), wholeDay, "acme/e1");

    JsonNode stored = google.emulator.calendars().event(USER, "primary", created.id());
    assertThat(stored.at("/start/date").asText()).isEqualTo("2026-01-07");
    assertThat(stored.at("/start/dateTime").isMissingNode()).isTrue();
    assertThat(stored.path("sequence").asInt()).as("Google moved the sequence for the new time").isEqualTo(1);
    assertThat(allDay.content()).isEqualTo(wholeDay);
  }

  @Test
  void aWeeklySeriesKeepsItsRulesAndItsMovedAndCancelledOccurrences() throws Exception {
    List<String> rules = List.of("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6", "EXDATE;TZID=Europe/Berlin:20260202T090000");
    EventContent standUp = Contents.series("Stand-up", "2026-01-05T08:00:00Z", "2026-01-05T08:30:00Z", rules);
    ExternalEvent series = calendar.create("acme/standup#1", standUp, "acme/standup", Optional.empty());
    OccurrenceOf second = new OccurrenceOf(series.id(), Instant.parse("2026-01-12T08:00:00Z"), null);
    OccurrenceOf third = new OccurrenceOf(series.id(), Instant.parse("2026-01-19T08:00:00Z"), null);
    EventContent later = Contents.series("Stand-up (late)", "2026-01-12T10:00:00Z", "2026-01-12T10:30:00Z", List.of());
    EventContent dropped = Contents.withStatus(
        Contents.series("Stand-up", "2026-01-19T08:00:00Z", "2026-01-19T08:30:00Z", List.of()), EntryStatus.CANCELLED);

    ExternalEvent moved = calendar.create("acme/standup-2#1", later, "acme/standup", Optional.of(second));
    ExternalEvent cancelled = calendar.create("acme/standup-3#1", dropped, "acme/standup", Optional.of(third));
    ExternalEvent movedAgain = calendar.create("acme/standup-2#1", later, "acme/standup", Optional.of(second));

    assertThat(moved.id()).isEqualTo(series.id() + "_20260112T080000Z");
    assertThat(moved.occurrenceOf()).contains(second);
    assertThat(moved.content()).isEqualTo(later);
    assertThat(movedAgain.id()).isEqualTo(moved.id());
    assertThat(cancelled.occurrenceOf()).contains(third);
    assertThat(cancelled.cancelled()).isTrue();

    Map<String, ExternalEvent> listed = byId(calendar.changesSince(Optional.empty(), WINDOW));
    assertThat(listed).containsOnlyKeys(series.id(), moved.id(), cancelled.id());
    assertThat(listed.get(series.id()).content()).isEqualTo(standUp);
    assertThat(listed.get(series.id()).occurrenceOf()).isEmpty();
    assertThat(listed.get(moved.id()).occurrenceOf()).contains(second);
    assertThat(listed.get(moved.id()).content()).isEqualTo(later);
    assertThat(listed.get(cancelled.id()).occurrenceOf()).contains(third);
    assertThat(listed.get(cancelled.id()).cancelled()).isTrue();
    assertThat(google.emulator.invitations().all()).isEmpty();
  }

  private static Map<String, ExternalEvent> byId(ChangeSet changes) {
    return changes.changed().stream().collect(Collectors.toMap(ExternalEvent::id, Function.identity()));
  }
}
