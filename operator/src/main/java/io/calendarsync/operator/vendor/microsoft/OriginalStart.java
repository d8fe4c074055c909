package io.calendarsync.operator.vendor.microsoft;

import io.calendarsync.operator.vendor.OccurrenceOf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Where an occurrence of a series originally started: an instant in a timed series, a date in an all-day series
 * (exactly one is set). It names an occurrence independently of Graph's opaque instance ids.
 */
record OriginalStart(Instant time, LocalDate date) {

  OriginalStart {
    if ((time == null) == (date == null)) {
      throw new IllegalArgumentException("an original start is a time or a date");
    }
  }

  static OriginalStart of(OccurrenceOf occurrence) {
    return new OriginalStart(occurrence.originalStart(), occurrence.originalStartDate());
  }

  /**
   * Graph gives every instance's original start as an instant; in an all-day series that is midnight of the
   * occurrence's date in the series' zone.
   */
  static OriginalStart of(Instant originalStart, boolean allDay, ZoneId seriesZone) {
    return allDay ? new OriginalStart(null, LocalDate.ofInstant(originalStart, seriesZone))
        : new OriginalStart(originalStart, null);
  }

  OccurrenceOf of(String seriesId) {
    return new OccurrenceOf(seriesId, time, date);
  }

  /**
   * Where to look for this occurrence with {@code instances}: a day around it, which also covers an all-day date in
   * any zone. The instance found is then matched by its original start.
   */
  Instant searchFrom() {
    return time != null ? time.minus(Duration.ofDays(1)) : date.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  Instant searchTo() {
    return time != null ? time.plus(Duration.ofDays(1)) : date.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  @Override
  public String toString() {
    return time != null ? time.toString() : date.toString();
  }
}
