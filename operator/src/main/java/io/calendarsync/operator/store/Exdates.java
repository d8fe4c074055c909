package io.calendarsync.operator.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The occurrences a series' RFC 5545 {@code EXDATE} lines remove. Values are dates or date-times: in the line's
 * {@code TZID}, in UTC ({@code Z}), or floating, i.e. in the series' zone. Other lines are ignored.
 */
public final class Exdates {

  private static final DateTimeFormatter LOCAL_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private record Excluded(Instant time, ZoneId zone) {}

  private Exdates() {}

  /**
   * The removed occurrences of a timed series, as the instants they start.
   *
   * @throws IllegalArgumentException for an unreadable value or an unknown zone, naming the line
   */
  public static List<Instant> times(List<String> lines, ZoneId seriesZone) {
    return parse(lines, seriesZone).stream().map(Excluded::time).toList();
  }

  /** The removed occurrences of an all-day series, as their dates. */
  public static List<LocalDate> dates(List<String> lines, ZoneId seriesZone) {
    return parse(lines, seriesZone).stream().map(e -> LocalDate.ofInstant(e.time(), e.zone())).toList();
  }

  /** Whether the series' lines remove the occurrence an exception names. */
  public static boolean excludes(EntryContent series, RecurrenceOverride occurrence) {
    return occurrence.originalStart() != null
        ? times(series.recurrence(), series.timeZone()).contains(occurrence.originalStart())
        : dates(series.recurrence(), series.timeZone()).contains(occurrence.originalStartDate());
  }

  private static List<Excluded> parse(List<String> lines, ZoneId seriesZone) {
    List<Excluded> excluded = new ArrayList<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0 || !line.toUpperCase(Locale.ROOT).matches("^EXDATE[;:].*")) {
        continue;
      }
      ZoneId zone = seriesZone;
      for (String parameter : line.substring(0, colon).split(";")) {
        if (parameter.toUpperCase(Locale.ROOT).startsWith("TZID=")) {
          zone = zone(parameter.substring(5), line);
        }
      }
      for (String value : line.substring(colon + 1).split(",")) {
        excluded.add(new Excluded(start(value.strip(), zone, line), zone));
      }
    }
    return excluded;
  }

  private static Instant start(String value, ZoneId zone, String line) {
    try {
      if (value.length() == 8) {
        return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(zone).toInstant();
      }
      boolean utc = value.endsWith("Z");
      LocalDateTime local = LocalDateTime.parse(utc ? value.substring(0, value.length() - 1) : value, LOCAL_STAMP);
      return local.atZone(utc ? ZoneOffset.UTC : zone).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("invalid date '" + value + "' in '" + line + "'", e);
    }
  }

  private static ZoneId zone(String name, String line) {
    try {
      return ZoneId.of(name.replace("\"", ""));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + name + "' in '" + line + "'", e);
    }
  }
}
