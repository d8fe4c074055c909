package io.calendarsync.operator.vendor.microsoft;

import io.calendarsync.operator.vendor.OccurrenceOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Ids for cancelled events Outlook does not keep. Cancelling in Outlook is deleting: a cancelled occurrence leaves
 * no instance behind, and a cancelled single event no event at all; yet the port answers a cancelled write with an
 * event whose id the engine maps and later asks about. These ids name what was cancelled instead, so {@code get}
 * can answer for them. They contain ':', which Graph's ids (base64) never do.
 */
final class Tombstones {

  private static final String PREFIX = "cancelled:";
  private static final String OCCURRENCE = PREFIX + "occurrence:";
  private static final String SINGLE = PREFIX + "event:";

  private Tombstones() {
  }

  /** The cancelled occurrence: series id and original start, so it can be checked to be still cancelled. */
  static String ofOccurrence(OccurrenceOf occurrence) {
    Object start = occurrence.originalStart() != null ? occurrence.originalStart() : occurrence.originalStartDate();
    return OCCURRENCE + start + ":" + occurrence.seriesId();
  }

  /** A single event that was written cancelled, i.e. never created; named by its create's transaction id. */
  static String ofSingleEvent(String transactionId) {
    return SINGLE + transactionId;
  }

  static boolean isTombstone(String id) {
    return id.startsWith(PREFIX);
  }

  static Optional<OccurrenceOf> occurrence(String id) {
    if (!id.startsWith(OCCURRENCE)) {
      return Optional.empty();
    }
    String rest = id.substring(OCCURRENCE.length());
    // An instant (2026-01-12T08:00:00Z) contains ':' itself; the series id never does, so it follows the last one.
    int separator = rest.lastIndexOf(':');
    String start = rest.substring(0, separator);
    String seriesId = rest.substring(separator + 1);
    return Optional.of(start.contains("T") ? new OccurrenceOf(seriesId, Instant.parse(start), null)
        : new OccurrenceOf(seriesId, null, LocalDate.parse(start)));
  }

  /** The transaction id of a single event written cancelled. */
  static Optional<String> singleEvent(String id) {
    return id.startsWith(SINGLE) ? Optional.of(id.substring(SINGLE.length())) : Optional.empty();
  }
}
