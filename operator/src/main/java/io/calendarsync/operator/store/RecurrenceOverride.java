package io.calendarsync.operator.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Marks an entry as an exception of a series: it replaces (moves, edits, or with status cancelled, cancels) the
 * occurrence of {@code seriesEntryId} that originally started at {@code originalStart} (timed series) or on
 * {@code originalStartDate} (all-day series). Exactly one of the two is set.
 */
public record RecurrenceOverride(String seriesEntryId, Instant originalStart, LocalDate originalStartDate) {

  public RecurrenceOverride {
    Objects.requireNonNull(seriesEntryId, "seriesEntryId");
    if ((originalStart == null) == (originalStartDate == null)) {
      throw new IllegalArgumentException("exactly one of originalStart and originalStartDate must be set");
    }
  }

  public static RecurrenceOverride ofTimed(String seriesEntryId, Instant originalStart) {
    return new RecurrenceOverride(seriesEntryId, originalStart, null);
  }

  public static RecurrenceOverride ofAllDay(String seriesEntryId, LocalDate originalStartDate) {
    return new RecurrenceOverride(seriesEntryId, null, originalStartDate);
  }
}
