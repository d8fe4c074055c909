package io.calendarsync.operator.vendor.microsoft;

import io.calendarsync.operator.vendor.VendorException;
import net.fortuna.ical4j.model.Recur;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

/**
 * The occurrences a series' rule produces, expanded with ical4j. Graph reports an occurrence deleted from a series
 * only by its absence, so the deleted ones (EXDATEs) are the expected occurrences that Graph's instances lack.
 */
final class SeriesExpansion {

  /** Series are expanded this far at most: enough for years of a daily series, bounded for open-ended ones. */
  static final int MAX_OCCURRENCES = 1000;

  private SeriesExpansion() {
  }

  /**
   * @param firstStart the first occurrence's local start in {@code zone} (midnight for all-day series)
   * @param until no occurrence after this is expanded (open-ended series need a horizon)
   */
  static List<OriginalStart> starts(String rrule, LocalDateTime firstStart, boolean allDay, ZoneId zone,
      Instant until) throws VendorException {
    Recur<Temporal> rule = GraphRecurrence.parse(rrule);
    if (allDay) {
      LocalDate seed = firstStart.toLocalDate();
      return rule.getDates(seed, seed, LocalDate.ofInstant(until, zone), MAX_OCCURRENCES).stream()
          .map(date -> new OriginalStart(null, LocalDate.from(date)))
          .toList();
    }
    ZonedDateTime seed = firstStart.atZone(zone);
    return rule.getDates(seed, seed, until.atZone(zone), MAX_OCCURRENCES).stream()
        .map(start -> new OriginalStart(Instant.from(start), null))
        .toList();
  }
}
