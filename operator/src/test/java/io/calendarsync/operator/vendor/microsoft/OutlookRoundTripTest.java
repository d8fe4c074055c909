package io.calendarsync.operator.vendor.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.store.EntryTiming;
import io.calendarsync.operator.vendor.ChangeSet;
import io.calendarsync.operator.vendor.EventContent;
import io.calendarsync.operator.vendor.ExternalCalendar;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.OccurrenceOf;
import io.calendarsync.operator.vendor.TimeWindow;
import io.calendarsync.operator.vendor.VendorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;
import static io.calendarsync.operator.vendor.microsoft.GraphEmulatorFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What we write comes back the same: zones and instants, all-day lengths, series with their exceptions. */
class OutlookRoundTripTest {

  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"));

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

  /** Starts before the spring change (UTC+1) and ends after it (UTC+2): Graph gets Berlin's local times and zone. */
  @Test
  void aBerlinEventKeepsItsZoneAndInstantsAcrossTheClockChange() throws Exception {
    EventContent trip = Contents.timed("Fair trip", "2026-03-27T08:00:00Z", "2026-03-30T07:30:00Z");

    ExternalEvent created = calendar.create("acme/e1#1", trip, "acme/e1", Optional.empty());

    JsonNode stored = graph.emulator.calendars().event(USER, "calendar", created.id());
    assertThat(stored.at("/start/timeZone").asText()).isEqualTo("W. Europe Standard Time");
    assertThat(stored.at("/start/dateTime").asText()).startsWith("2026-03-27T09:00:00");
    assertThat(stored.at("/end/dateTime").asText()).startsWith("2026-03-30T09:30:00");
    assertThat(calendar.get(created.id()).orElseThrow().content()).isEqualTo(trip);
    assertThat(byId(calendar.changesSince(Optional.empty(), WINDOW)).get(created.id()).content()).isEqualTo(trip);
  }

  /** Amsterdam and Berlin share a Windows zone; our zone stamp tells them apart. */
  @Test
  void aZoneThatSharesItsWindowsNameComesBackAsItself() throws Exception {
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    EventContent visit = Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z");
    EventContent inAmsterdam = new EventContent(visit.title(), visit.description(), visit.location(), visit.timing(),
        amsterdam, List.of(), EntryStatus.CONFIRMED, false);

    ExternalEvent created = calendar.create("acme/e1#1", inAmsterdam, "acme/e1", Optional.empty());

    assertThat(graph.emulator.calendars().event(USER, "calendar", created.id()).at("/start/timeZone").asText())
        .isEqualTo("W. Europe Standard Time");
    assertThat(calendar.get(created.id()).orElseThrow().content().timeZone()).isEqualTo(amsterdam);
  }

  @Test
  void allDayEventsKeepTheirLength() throws Exception {
    EventContent oneDay = Contents.allDay("Inventory", "2026-01-07", "2026-01-08");
    EventContent threeDays = Contents.allDay("Trade fair", "2026-01-07", "2026-01-10");

    ExternalEvent short1 = calendar.create("acme/d1#1", oneDay, "acme/d1", Optional.empty());
    ExternalEvent long3 = calendar.create("acme/d3#1", threeDays, "acme/d3", Optional.empty());
    ExternalEvent renamed = calendar.update(long3.id(), long3.version(),
        Contents.allDay("Trade fair (booth 12)", "2026-01-07", "2026-01-10"), "acme/d3");

    JsonNode stored = graph.emulator.calendars().event(USER, "calendar", long3.id());
    assertThat(stored.path("isAllDay").asBoolean()).isTrue();
    assertThat(stored.at("/start/dateTime").asText()).startsWith("2026-01-07T00:00:00");
    assertThat(stored.at("/end/dateTime").asText()).startsWith("2026-01-10T00:00:00");
    assertThat(calendar.get(short1.id()).orElseThrow().content()).isEqualTo(oneDay);
    assertThat(renamed.content().timing()).isEqualTo(threeDays.timing());
    Map<String, ExternalEvent> listed = byId(calendar.changesSince(Optional.empty(), WINDOW));
    assertThat(listed.get(short1.id()).content().timing()).isEqualTo(oneDay.timing());
    assertThat(listed.get(long3.id()).content().timing()).isEqualTo(threeDays.timing());
  }

  @Test
  void aWeeklySeriesKeepsItsRuleExclusionsAndItsMovedAndCancelledOccurrences() throws Exception {
    List<String> rules = List.of("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10", "EXDATE;TZID=Europe/Berlin:20260121T090000");
    EventContent standUp = Contents.series("Stand-up", "2026-01-05T08:00:00Z", "2026-01-05T08:30:00Z", rules);
    ExternalEvent series = calendar.create("acme/standup#1", standUp, "acme/standup", Optional.empty());
    OccurrenceOf second = new OccurrenceOf(series.id(), Instant.parse("2026-01-07T08:00:00Z"), null);
    OccurrenceOf third = new OccurrenceOf(series.id(), Instant.parse("2026-01-12T08:00:00Z"), null);
    EventContent later = Contents.series("Stand-up (late)", "2026-01-07T10:00:00Z", "2026-01-07T10:30:00Z", List.of());
    EventContent dropped = Contents.withStatus(
        Contents.series("Stand-up", "2026-01-12T08:00:00Z", "2026-01-12T08:30:00Z", List.of()), EntryStatus.CANCELLED);

    ExternalEvent moved = calendar.create("acme/standup-2#1", later, "acme/standup-2", Optional.of(second));
    ExternalEvent cancelled = calendar.create("acme/standup-3#1", dropped, "acme/standup-3", Optional.of(third));
    ExternalEvent movedAgain = calendar.create("acme/standup-2#1", later, "acme/standup-2", Optional.of(second));

    JsonNode master = graph.emulator.calendars().event(USER, "calendar", series.id());
    assertThat(master.at("/recurrence/pattern/type").asText()).isEqualTo("weekly");
    assertThat(master.at("/recurrence/pattern/daysOfWeek").toString()).isEqualTo("[\"monday\",\"wednesday\"]");
    assertThat(master.at("/recurrence/range/type").asText()).isEqualTo("numbered");
    assertThat(master.at("/recurrence/range/numberOfOccurrences").asInt()).isEqualTo(10);
    assertThat(series.content()).isEqualTo(standUp);
    assertThat(moved.occurrenceOf()).contains(second);
    assertThat(moved.content()).isEqualTo(later);
    assertThat(movedAgain.id()).isEqualTo(moved.id());
    assertThat(cancelled.occurrenceOf()).contains(third);
    assertThat(cancelled.cancelled()).isTrue();
    assertThat(calendar.get(cancelled.id())).hasValueSatisfying(e -> {
      assertThat(e.cancelled()).isTrue();
      assertThat(e.occurrenceOf()).contains(third);
    });

    Map<String, ExternalEvent> listed = byId(calendar.changesSince(Optional.empty(), WINDOW));

    OccurrenceOf excluded = new OccurrenceOf(series.id(), Instant.parse("2026-01-21T08:00:00Z"), null);
    assertThat(listed).as("deleted occurrences come as cancelled ones, ours under the id the engine maps")
        .containsOnlyKeys(series.id(), moved.id(), cancelled.id(), Tombstones.ofOccurrence(excluded));
    assertThat(listed.get(cancelled.id())).satisfies(e -> {
      assertThat(e.cancelled()).isTrue();
      assertThat(e.version()).isEqualTo(cancelled.version());
    });
    ExternalEvent listedSeries = listed.get(series.id());
    assertThat(listedSeries.occurrenceOf()).isEmpty();
    assertThat(listedSeries.content().recurrence()).as("cancelling in Outlook is deleting: an exclusion")
        .containsExactly("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10", "EXDATE;TZID=Europe/Berlin:20260112T090000",
            "EXDATE;TZID=Europe/Berlin:20260121T090000");
    assertThat(listed.get(moved.id()).occurrenceOf()).contains(second);
    assertThat(listed.get(moved.id()).content()).isEqualTo(later);
    assertThat(graph.emulator.invitations().all()).isEmpty();
  }

  @Test
  void anUpdatedSeriesKeepsItsRuleAndCancelsNewExclusions() throws Exception {
    EventContent standUp = Contents.series("Stand-up", "2026-01-05T08:00:00Z", "2026-01-05T08:30:00Z",
        List.of("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10"));
    ExternalEvent series = calendar.create("acme/standup#1", standUp, "acme/standup", Optional.empty());
    EventContent renamed = Contents.series("Daily stand-up", "2026-01-05T08:00:00Z", "2026-01-05T08:30:00Z",
        List.of("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10", "EXDATE;TZID=Europe/Berlin:20260114T090000"));

    ExternalEvent updated = calendar.update(series.id(), series.version(), renamed, "acme/standup");

    assertThat(updated.content()).isEqualTo(renamed);
    assertThat(calendar.get(series.id()).orElseThrow()).isEqualTo(updated);
  }

  @Test
  void aRuleOutlookCannotExpressIsRejectedWithTheReason() {
    EventContent hourly = Contents.series("Check", "2026-01-05T08:00:00Z", "2026-01-05T08:30:00Z",
        List.of("RRULE:FREQ=DAILY;BYHOUR=9,15"));
    EventContent withExtraDate = Contents.series("Check", "2026-01-05T08:00:00Z", "2026-01-05T08:30:00Z",
        List.of("RRULE:FREQ=DAILY;COUNT=3", "RDATE;TZID=Europe/Berlin:20260110T090000"));

    assertThatThrownBy(() -> calendar.create("acme/e1#1", hourly, "acme/e1", Optional.empty()))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.kind()).isEqualTo(REJECTED);
          assertThat(e.getMessage()).contains("RRULE:FREQ=DAILY;BYHOUR=9,15", "BYHOUR");
        });
    assertThatThrownBy(() -> calendar.create("acme/e2#1", withExtraDate, "acme/e2", Optional.empty()))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.kind()).isEqualTo(REJECTED);
          assertThat(e.getMessage()).contains("RDATE");
        });
    assertThat(graph.emulator.calendars().events(USER, "calendar")).isEmpty();
  }

  private static Map<String, ExternalEvent> byId(ChangeSet changes) {
    return changes.changed().stream().collect(Collectors.toMap(ExternalEvent::id, Function.identity()));
  }
}
