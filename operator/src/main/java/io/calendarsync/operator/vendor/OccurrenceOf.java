package io.calendarsync.operator.vendor;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Marks an external event as an exception of a series: it replaces the occurrence of {@code seriesId} that originally
 * started at {@code originalStart} (timed series) or on {@code originalStartDate} (all-day series); exactly one is set.
 */
public record OccurrenceOf(String seriesId, Instant originalStart, LocalDate originalStartDate) {

  public OccurrenceOf {
    if (seriesId == null || (originalStart == null) == (originalStartDate == null)) {
      throw new IllegalArgumentException("an occurrence needs its series id and exactly one original start");
    }
  }
}
