package io.calendarsync.operator.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Entry contents for tests, filled with plausible values. */
final class Entries {

  static final String TENANT = "acme";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private Entries() {
  }

  static EntryKey key(String entryId) {
    return new EntryKey(TENANT, entryId);
  }

  static EntryContent timed(String title, String start, String end, String... assignees) {
    return new EntryContent(title, "Bring the ladder", "Main St 1", new EntryTiming.Timed(Instant.parse(start),
        Instant.parse(end)), BERLIN, List.of(), null, EntryStatus.CONFIRMED, false, List.of(assignees));
  }

  static EntryContent allDay(String title, String startDate, String endDate, String... assignees) {
    return new EntryContent(title, null, null, new EntryTiming.AllDay(LocalDate.parse(startDate),
        LocalDate.parse(endDate)), BERLIN, List.of(), null, EntryStatus.CONFIRMED, false, List.of(assignees));
  }

  static EntryContent weekly(String title, String start, String end, String... assignees) {
    EntryContent single = timed(title, start, end, assignees);
    return new EntryContent(title, single.description(), single.location(), single.timing(), BERLIN,
        List.of("RRULE:FREQ=WEEKLY;COUNT=10"), null, EntryStatus.CONFIRMED, false, single.assignees());
  }

  static EntryContent exception(String seriesEntryId, String originalStart, EntryContent occurrence,
      EntryStatus status) {
    return new EntryContent(occurrence.title(), occurrence.description(), occurrence.location(), occurrence.timing(),
        occurrence.timeZone(), List.of(), RecurrenceOverride.ofTimed(seriesEntryId, Instant.parse(originalStart)),
        status, occurrence.privateEntry(), occurrence.assignees());
  }
}
