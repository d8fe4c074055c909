package io.calendarsync.operator.vendor.microsoft;

import io.calendarsync.operator.store.Exdates;
import io.calendarsync.operator.vendor.VendorException;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;

/**
 * The RFC 5545 lines of a series as Outlook can hold them: exactly one RRULE, and EXDATEs, which Outlook keeps as
 * deleted occurrences. RDATE and EXRULE have no Outlook counterpart and are refused (REJECTED).
 *
 * @param rrule the RRULE line
 * @param excluded the occurrences the EXDATE lines remove
 */
record SeriesLines(String rrule, List<OriginalStart> excluded) {

  private static final DateTimeFormatter LOCAL_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  SeriesLines {
    excluded = List.copyOf(excluded);
  }

  /**
   * @param zone the series' zone: EXDATE times without TZID are floating, i.e. in it
   * @param allDay whether the series is all-day: its EXDATEs are dates
   */
  static SeriesLines parse(List<String> lines, ZoneId zone, boolean allDay) throws VendorException {
    String rrule = null;
    List<OriginalStart> excluded = new ArrayList<>();
    for (String line : lines) {
      String name = name(line);
      switch (name) {
        case "RRULE" -> {
          if (rrule != null) {
            throw refused(lines, "Outlook series follow a single RRULE");
          }
          rrule = line;
        }
        case "EXDATE" -> excluded.addAll(exdates(line, zone, allDay));
        case "RDATE" -> throw refused(lines, "Outlook series cannot add dates outside their rule (RDATE)");
        default -> throw refused(lines, "Outlook series have no " + name + " lines");
      }
    }
    if (rrule == null) {
      throw refused(lines, "an Outlook series needs an RRULE");
    }
    return new SeriesLines(rrule, excluded);
  }

  /** EXDATE lines for occurrences Outlook no longer has: times local to the series' zone, or dates. */
  static List<String> exdates(Collection<OriginalStart> excluded, ZoneId zone) {
    return excluded.stream()
        .map(start -> start.date() != null
            ? "EXDATE;VALUE=DATE:" + DateTimeFormatter.BASIC_ISO_DATE.format(start.date())
            : "EXDATE;TZID=" + zone.getId() + ":" + LOCAL_STAMP.format(LocalDateTime.ofInstant(start.time(), zone)))
        .sorted()
        .toList();
  }

  private static List<OriginalStart> exdates(String line, ZoneId zone, boolean allDay) throws VendorException {
    try {
      return allDay
          ? Exdates.dates(List.of(line), zone).stream().map(date -> new OriginalStart(null, date)).toList()
          : Exdates.times(List.of(line), zone).stream().map(time -> new OriginalStart(time, null)).toList();
    } catch (IllegalArgumentException e) {
      throw new VendorException(REJECTED, e.getMessage());
    }
  }

  private static String name(String line) {
    int end = 0;
    while (end < line.length() && line.charAt(end) != ';' && line.charAt(end) != ':') {
      end++;
    }
    return line.substring(0, end).toUpperCase(Locale.ROOT);
  }

  private static VendorException refused(List<String> lines, String reason) {
    return new VendorException(REJECTED, "Outlook cannot express the recurrence " + lines + ": " + reason);
  }
}
