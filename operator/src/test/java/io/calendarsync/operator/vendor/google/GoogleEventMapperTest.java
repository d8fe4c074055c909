package io.calendarsync.operator.vendor.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.Data;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.store.EntryTiming;
import io.calendarsync.operator.vendor.EventContent;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.OccurrenceOf;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mapping without a server: what goes on the wire, what comes back, and how odd events are read. */
class GoogleEventMapperTest {

  private static final ZoneId CALENDAR_ZONE = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GoogleEventMapper mapper = new GoogleEventMapper(CALENDAR_ZONE);

  @Test
  void timedEventsCarryTheirZoneAndLocalOffset() throws Exception {
    EventContent content = content(new EntryTiming.Timed(Instant.parse("2026-03-27T08:00:00Z"),
        Instant.parse("2026-03-30T07:30:00Z")), BERLIN);

    Event wire = written(content, "acme/e1");

    assertThat(wire.getStart().getDateTime().toStringRfc3339()).isEqualTo("2026-03-27T09:00:00.000+01:00");
    assertThat(wire.getEnd().getDateTime().toStringRfc3339()).isEqualTo("2026-03-30T09:30:00.000+02:00");
    assertThat(wire.getStart().getTimeZone()).isEqualTo("Europe/Berlin");
    assertThat(wire.getStart().getDate()).isNull();
    assertThat(read(wire).content()).isEqualTo(content);
  }

  @Test
  void allDayEventsAreDatesWithTheExclusiveEndAndKeepTheirLength() throws Exception {
    EventContent content = content(new EntryTiming.AllDay(LocalDate.parse("2026-01-07"), LocalDate.parse("2026-01-10")),
        BERLIN);

    Event wire = written(content, "acme/e1");

    assertThat(wire.getStart().getDate().toStringRfc3339()).isEqualTo("2026-01-07");
    assertThat(wire.getEnd().getDate().toStringRfc3339()).isEqualTo("2026-01-10");
    assertThat(wire.getStart().getDateTime()).isNull();
    assertThat(read(wire).content()).isEqualTo(content);
  }

  @Test
  void fixedOffsetsAreSentAsIanaNames() throws Exception {
    EntryTiming timing = new EntryTiming.Timed(Instant.parse("2026-01-07T08:00:00Z"), Instant.parse("2026-01-07T09:00:00Z"));

    assertThat(written(content(timing, ZoneOffset.UTC), "t").getStart().getTimeZone()).isEqualTo("UTC");
    assertThat(written(content(timing, ZoneOffset.ofHours(2)), "t").getStart().getTimeZone()).isEqualTo("Etc/GMT-2");
    Event halfHour = written(content(timing, ZoneOffset.ofHoursMinutes(5, 30)), "t");
    assertThat(halfHour.getStart().getTimeZone()).isNull();
    assertThat(halfHour.getStart().getDateTime().toStringRfc3339()).endsWith("+05:30");
  }

  @Test
  void seriesLinesStatusPrivacyAndOwnerTagRoundTrip() throws Exception {
    EventContent content = new EventContent("Stand-up", "daily", "Room 1",
        new EntryTiming.Timed(Instant.parse("2026-01-05T08:00:00Z"), Instant.parse("2026-01-05T08:15:00Z")), BERLIN,
        List.of("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260301T000000Z", "EXDATE;TZID=Europe/Berlin:20260107T090000",
            "RDATE;TZID=Europe/Berlin:20260110T090000"),
        EntryStatus.TENTATIVE, true);

    Event wire = written(content, "acme/standup");

    assertThat(wire.getVisibility()).isEqualTo("private");
    assertThat(wire.getStatus()).isEqualTo("tentative");
    assertThat(wire.getExtendedProperties().getPrivate()).containsEntry("calendarsync-entry", "acme/standup");
    ExternalEvent back = read(wire);
    assertThat(back.content()).isEqualTo(content);
    assertThat(back.ownerTag()).contains("acme/standup");
  }

  @Test
  void writingKeepsWhatTheUserAddedThatTheEngineDoesNotOwn() throws Exception {
    Event current = event("{\"id\":\"e1\",\"etag\":\"\\\"1\\\"\",\"summary\":\"old\",\"visibility\":\"public\","
        + "\"attendees\":[{\"email\":\"bob@example.com\"}],\"colorId\":\"5\","
        + "\"extendedProperties\":{\"private\":{\"theirs\":\"x\"}},"
        + "\"start\":{\"dateTime\":\"2026-01-07T09:00:00Z\"},\"end\":{\"dateTime\":\"2026-01-07T10:00:00Z\"}}");

    mapper.writeContent(content(new EntryTiming.AllDay(LocalDate.parse("2026-01-07"), LocalDate.parse("2026-01-08")),
        BERLIN), "acme/e1", current);

    assertThat(current.getAttendees()).extracting(EventAttendee::getEmail).containsExactly("bob@example.com");
    assertThat(current.getColorId()).isEqualTo("5");
    assertThat(current.getVisibility()).as("not private: the user's choice stays").isEqualTo("public");
    assertThat(current.getExtendedProperties().getPrivate())
        .containsEntry("theirs", "x").containsEntry("calendarsync-entry", "acme/e1");
    assertThat(Data.isNull(current.getStart().getDateTime())).as("timed to all-day clears the dateTime").isTrue();
  }

  /** A patch cannot know what the user chose, so clearing privacy there means the calendar's default. */
  @Test
  void aPatchSendsEveryOwnedFieldAndClearsWhatTheContentLacks() {
    Event patch = new Event();

    mapper.writeContent(new EventContent("Visit", null, null, new EntryTiming.Timed(Instant.parse("2026-01-07T08:00:00Z"),
        Instant.parse("2026-01-07T09:00:00Z")), BERLIN, List.of(), EntryStatus.CONFIRMED, false), "acme/e1", patch);

    assertThat(Data.isNull(patch.getDescription())).isTrue();
    assertThat(Data.isNull(patch.getLocation())).isTrue();
    assertThat(Data.isNull(patch.getRecurrence())).isTrue();
    assertThat(Data.isNull(patch.getStart().getDate())).isTrue();
    assertThat(patch.getVisibility()).isEqualTo("default");
  }

  @Test
  void clearsPrivacyTheEngineNoLongerWants() {
    Event current = new Event().setVisibility("confidential");

    mapper.writeContent(content(new EntryTiming.AllDay(LocalDate.parse("2026-01-07"), LocalDate.parse("2026-01-08")),
        BERLIN), "t", current);

    assertThat(current.getVisibility()).isEqualTo("default");
  }

  @Test
  void userEventsHaveNoOwnerTagAndDefaultToTheCalendarZone() throws Exception {
    ExternalEvent event = read(event("{\"id\":\"u1\",\"etag\":\"\\\"7\\\"\",\"updated\":\"2026-01-05T08:00:00.000Z\","
        + "\"start\":{\"dateTime\":\"2026-01-07T09:00:00-05:00\"},\"end\":{\"dateTime\":\"2026-01-07T10:00:00-05:00\"}}"));

    assertThat(event.ownerTag()).isEmpty();
    assertThat(event.content().timeZone()).isEqualTo(CALENDAR_ZONE);
    assertThat(event.content().title()).isEmpty();
    assertThat(event.version()).isEqualTo("\"7\"");
    assertThat(event.lastModified()).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
    assertThat(event.content().timing()).isEqualTo(new EntryTiming.Timed(Instant.parse("2026-01-07T14:00:00Z"),
        Instant.parse("2026-01-07T15:00:00Z")));
  }

  @Test
  void oddEventsAreReadSafely() throws Exception {
    ExternalEvent noEnd = read(event("{\"id\":\"a\",\"start\":{\"dateTime\":\"2026-01-07T09:00:00Z\"}}"));
    ExternalEvent zeroLength = read(event("{\"id\":\"b\",\"start\":{\"dateTime\":\"2026-01-07T09:00:00Z\"},"
        + "\"end\":{\"dateTime\":\"2026-01-07T09:00:00Z\"}}"));
    ExternalEvent unknownZone = read(event("{\"id\":\"c\",\"start\":{\"dateTime\":\"2026-01-07T09:00:00+01:00\","
        + "\"timeZone\":\"Mars/Olympus_Mons\"},\"end\":{\"dateTime\":\"2026-01-07T10:00:00+01:00\"}}"));
    ExternalEvent allDayNoEnd = read(event("{\"id\":\"d\",\"start\":{\"date\":\"2026-01-07\"},"
        + "\"end\":{\"date\":\"2026-01-07\"}}"));

    EntryTiming hour = new EntryTiming.Timed(Instant.parse("2026-01-07T09:00:00Z"), Instant.parse("2026-01-07T10:00:00Z"));
    assertThat(noEnd.content().timing()).isEqualTo(hour);
    assertThat(zeroLength.content().timing()).isEqualTo(hour);
    assertThat(unknownZone.content().timeZone()).isEqualTo(CALENDAR_ZONE);
    assertThat(unknownZone.content().timing()).isEqualTo(new EntryTiming.Timed(Instant.parse("2026-01-07T08:00:00Z"),
        Instant.parse("2026-01-07T09:00:00Z")));
    assertThat(allDayNoEnd.content().timing())
        .isEqualTo(new EntryTiming.AllDay(LocalDate.parse("2026-01-07"), LocalDate.parse("2026-01-08")));
  }

  @Test
  void eventsWithoutAUsableStartOrWithAnUnknownStatusAreUnmappable() {
    assertThatThrownBy(() -> read(event("{\"id\":\"a\",\"status\":\"confirmed\"}")))
        .isInstanceOf(UnmappableEvent.class).hasMessageContaining("start");
    assertThatThrownBy(() -> read(event("{\"id\":\"b\",\"status\":\"postponed\","
        + "\"start\":{\"date\":\"2026-01-07\"},\"end\":{\"date\":\"2026-01-08\"}}")))
        .isInstanceOf(UnmappableEvent.class).hasMessageContaining("postponed");
  }

  /** Google guarantees only the id of a deleted event, and the series and original start of a cancelled exception. */
  @Test
  void bareTombstonesAreCancelledEvents() throws Exception {
    ExternalEvent deleted = read(event("{\"id\":\"gone\",\"status\":\"cancelled\"}"));
    ExternalEvent cancelledOccurrence = read(event("{\"id\":\"s1_20260112T080000Z\",\"status\":\"cancelled\","
        + "\"recurringEventId\":\"s1\",\"originalStartTime\":{\"dateTime\":\"2026-01-12T09:00:00+01:00\","
        + "\"timeZone\":\"Europe/Berlin\"}}"));
    ExternalEvent cancelledDay = read(event("{\"id\":\"s2_20260112\",\"status\":\"cancelled\","
        + "\"recurringEventId\":\"s2\",\"originalStartTime\":{\"date\":\"2026-01-12\"}}"));

    assertThat(deleted.cancelled()).isTrue();
    assertThat(deleted.occurrenceOf()).isEmpty();
    assertThat(cancelledOccurrence.cancelled()).isTrue();
    assertThat(cancelledOccurrence.occurrenceOf())
        .contains(new OccurrenceOf("s1", Instant.parse("2026-01-12T08:00:00Z"), null));
    assertThat(cancelledOccurrence.content().status()).isEqualTo(EntryStatus.CANCELLED);
    assertThat(cancelledDay.occurrenceOf()).contains(new OccurrenceOf("s2", null, LocalDate.parse("2026-01-12")));
  }

  @Test
  void exceptionsWithoutAnOriginalStartAreUnmappable() {
    assertThatThrownBy(() -> read(event("{\"id\":\"x\",\"recurringEventId\":\"s1\","
        + "\"start\":{\"date\":\"2026-01-07\"},\"end\":{\"date\":\"2026-01-08\"}}")))
        .isInstanceOf(UnmappableEvent.class).hasMessageContaining("original start");
  }

  private static EventContent content(EntryTiming timing, ZoneId zone) {
    return new EventContent("Site visit", "Bring the ladder", "Main St 1", timing, zone, List.of(),
        EntryStatus.CONFIRMED, false);
  }

  /**
   * The event as Google would store it: written by the mapper, sent through the client's JSON, and kept without the
   * explicit nulls (which only clear fields).
   */
  private Event written(EventContent content, String ownerTag) throws IOException {
    Event event = new Event().setId("e1").setEtag("\"1\"").setUpdated(new DateTime("2026-01-05T08:00:00Z"));
    mapper.writeContent(content, ownerTag, event);
    JsonNode wire = JSON.readTree(GsonFactory.getDefaultInstance().toString(event));
    return event(JSON.writeValueAsString(withoutNulls(wire)));
  }

  private static JsonNode withoutNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode kept = JSON.createObjectNode();
      object.fields().forEachRemaining(member -> {
        if (!member.getValue().isNull()) {
          kept.set(member.getKey(), withoutNulls(member.getValue()));
        }
      });
      return kept;
    }
    return node;
  }

  private ExternalEvent read(Event event) throws UnmappableEvent {
    return mapper.toExternal(event);
  }

  private static Event event(String json) throws IOException {
    return GsonFactory.getDefaultInstance().fromString(json, Event.class);
  }
}
