package io.calendarsync.operator.engine;

import io.calendarsync.operator.store.EntryContent;
import io.calendarsync.operator.store.EntryTiming;
import io.calendarsync.operator.store.RecurrenceOverride;
import io.calendarsync.operator.vendor.EventContent;
import io.calendarsync.operator.vendor.OccurrenceOf;
import io.calendarsync.operator.vendor.TimeWindow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Moves the synced fields between a schedule entry and a calendar event; assignment stays on the platform side. */
final class ContentConversion {

  private ContentConversion() {}

  static EventContent toEvent(EntryContent entry) {
    return new EventContent(entry.title(), entry.description(), entry.location(), entry.timing(), entry.timeZone(),
        entry.recurrence(), entry.status(), entry.privateEntry());
  }

  /** The event's content on the platform side, keeping the entry's assignees (or the given ones for a new entry). */
  static EntryContent toEntry(EventContent event, List<String> assignees, RecurrenceOverride override) {
    return new EntryContent(event.title(), event.description(), event.location(), event.timing(), event.timeZone(),
        override == null ? event.recurrence() : List.of(), override, event.status(), event.privateEvent(), assignees);
  }

  static boolean sameContent(EntryContent entry, EventContent event) {
    return toEvent(entry).equals(normalised(event, entry.recurrenceOverride() != null));
  }

  private static EventContent normalised(EventContent event, boolean exception) {
    return exception && !event.recurrence().isEmpty()
        ? new EventContent(event.title(), event.description(), event.location(), event.timing(), event.timeZone(),
            List.of(), event.status(), event.privateEvent())
        : event;
  }

  static Optional<OccurrenceOf> occurrenceOf(RecurrenceOverride override, String seriesExternalId) {
    return Optional.of(new OccurrenceOf(seriesExternalId, override.originalStart(), override.originalStartDate()));
  }

  static RecurrenceOverride override(OccurrenceOf occurrence, String seriesEntryId) {
    return occurrence.originalStart() != null
        ? RecurrenceOverride.ofTimed(seriesEntryId, occurrence.originalStart())
        : RecurrenceOverride.ofAllDay(seriesEntryId, occurrence.originalStartDate());
  }

  /**
   * Whether an entry belongs in the provider's window: its own time overlaps it, it is a series that starts before
   * the window ends (its rule may produce occurrences inside), or it is an exception whose original occurrence did.
   */
  static boolean inWindow(EntryContent entry, TimeWindow window) {
    Instant start = start(entry.timing(), entry);
    Instant end = end(entry.timing(), entry);
    if (!entry.recurrence().isEmpty()) {
      return start.isBefore(window.end());
    }
    if (entry.recurrenceOverride() != null && entry.recurrenceOverride().originalStart() != null
        && window.contains(entry.recurrenceOverride().originalStart())) {
      return true;
    }
    return start.isBefore(window.end()) && end.isAfter(window.start());
  }

  private static Instant start(EntryTiming timing, EntryContent entry) {
    return timing instanceof EntryTiming.Timed timed
        ? timed.start()
        : ((EntryTiming.AllDay) timing).startDate().atStartOfDay(entry.timeZone()).toInstant();
  }

  private static Instant end(EntryTiming timing, EntryContent entry) {
    return timing instanceof EntryTiming.Timed timed
        ? timed.end()
        : ((EntryTiming.AllDay) timing).endDate().atStartOfDay(entry.timeZone()).toInstant();
  }

  static boolean isAssignedTo(EntryContent entry, String userId) {
    return entry.assignees().stream().anyMatch(a -> Objects.equals(a, userId));
  }
}
