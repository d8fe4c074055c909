package io.calendarsync.operator.store;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a schedule entry says: everything that is synced with the calendars. The database-owned bookkeeping (version,
 * times of change) lives in {@link ScheduleEntry}.
 *
 * @param description        may be null
 * @param location           may be null
 * @param timeZone           recurrence rules expand in it; shown by the vendors
 * @param recurrence         RFC 5545 RRULE, RDATE and EXDATE lines of a series; empty for a single entry
 * @param recurrenceOverride set when this entry is an exception of a series, else null
 * @param assignees          user ids whose calendars show the entry
 */
public record EntryContent(
    String title,
    String description,
    String location,
    EntryTiming timing,
    ZoneId timeZone,
    List<String> recurrence,
    RecurrenceOverride recurrenceOverride,
    EntryStatus status,
    boolean privateEntry,
    List<String> assignees) {

  public EntryContent {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(status, "status");
    recurrence = List.copyOf(recurrence);
    assignees = List.copyOf(assignees);
    if (recurrenceOverride != null && !recurrence.isEmpty()) {
      throw new IllegalArgumentException("an exception of a series cannot have a recurrence of its own");
    }
  }
}
