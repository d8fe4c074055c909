package io.calendarsync.operator.vendor.microsoft;

import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.store.EntryTiming;
import io.calendarsync.operator.vendor.EventContent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Event contents for the emulator tests. */
final class Contents {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private Contents() {
  }

  static EventContent timed(String title, String start, String end) {
    return new EventContent(title, "Bring the ladder", "Main St 1",
        new EntryTiming.Timed(Instant.parse(start), Instant.parse(end)), BERLIN, List.of(), EntryStatus.CONFIRMED, false);
  }

  static EventContent allDay(String title, String startDate, String endDateExclusive) {
    return new EventContent(title, null, null,
        new EntryTiming.AllDay(LocalDate.parse(startDate), LocalDate.parse(endDateExclusive)), BERLIN, List.of(),
        EntryStatus.CONFIRMED, false);
  }

  static EventContent series(String title, String start, String end, List<String> recurrence) {
    return new EventContent(title, null, null, new EntryTiming.Timed(Instant.parse(start), Instant.parse(end)), BERLIN,
        recurrence, EntryStatus.CONFIRMED, false);
  }

  static EventContent withStatus(EventContent content, EntryStatus status) {
    return new EventContent(content.title(), content.description(), content.location(), content.timing(),
        content.timeZone(), content.recurrence(), status, content.privateEvent());
  }
}
