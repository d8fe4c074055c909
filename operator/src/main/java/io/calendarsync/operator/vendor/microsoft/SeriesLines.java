package io.calendarsync.operator.vendor.microsoft;

import io.calendarsync.operator.vendor.VendorException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

  private static List<OriginalStart> exdates(String line, ZoneId seriesZone, boolean allDay) throws VendorException {
    int colon = line.indexOf(':');
    ZoneId zone = seriesZone;
    for (String parameter : line.substring(0, colon).split(";")) {
      if (parameter.toUpperCase(Locale.ROOT).startsWith("TZID=")) {
        zone = zone(parameter.substring(5), line);
      }
    }
    List<OriginalStart> starts = new ArrayList<>();
    for (String value : line.substring(colon + 1).split(",")) {
      starts.add(start(value.strip(), zone, allDay, line));
    }
    return starts;
  }

  private static OriginalStart start(String value, ZoneId zone, boolean allDay, String line) throws VendorException {
    try {
      if (value.length() == 8) {
        LocalDate date = LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
        return allDay ? new OriginalStart(null, date) : new OriginalStart(date.atStartOfDay(zone).toInstant(), null);
      }
      boolean utc = value.endsWith("Z");
      LocalDateTime local = LocalDateTime.parse(utc ? value.substring(0, value.length() - 1) : value, LOCAL_STAMP);
      Instant instant = local.atZone(utc ? ZoneOffset.UTC : zone).toInstant();
      return allDay ? new OriginalStart(null, LocalDate.ofInstant(instant, zone)) : new OriginalStart(instant, null);
    } catch (DateTimeParseException e) {
      throw new VendorException(REJECTED, "invalid date '" + value + "' in '" + line + "'");
    }
  }

  private static ZoneId zone(String name, String line) throws VendorException {
    try {
      return ZoneId.of(name.replace("\"", ""));
    } catch (DateTimeException e) {
      throw new VendorException(REJECTED, "unknown time zone '" + name + "' in '" + line + "'");
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
