package io.calendarsync.operator.store;

import java.time.Instant;
import java.util.List;

/**
 * One row of the change log: an entry changed to {@code entryVersion}. Its content is not here; read the entry, which
 * may have moved on since.
 *
 * @param oldAssignees who had the entry before the change (empty for an insert)
 * @param newAssignees who has it after (empty for a hard delete)
 */
public record ScheduleChange(
    ChangeLogPosition position,
    EntryKey entry,
    long entryVersion,
    ChangeKind kind,
    ChangeOrigin origin,
    List<String> oldAssignees,
    List<String> newAssignees,
    Instant changedAt) {

  public ScheduleChange {
    oldAssignees = List.copyOf(oldAssignees);
    newAssignees = List.copyOf(newAssignees);
  }
}
