package io.calendarsync.operator.vendor.microsoft;

import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePattern;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRange;
import com.microsoft.graph.models.RecurrenceRangeType;
import com.microsoft.graph.models.WeekIndex;
import io.calendarsync.operator.vendor.VendorException;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;

/**
 * One RFC 5545 RRULE ↔ Graph's {@code patternedRecurrence}. Graph expresses a subset of RFC 5545: daily, weekly,
 * absolute/relative monthly and yearly patterns with an interval, week days, one month day, one month, an index
 * (first..fourth, last), ended by a count, an end date or not at all. A rule outside that subset (BYHOUR, several
 * months, a 5th week day, ...) is refused as REJECTED rather than approximated: a series written differently from
 * the platform's would silently move or drop occurrences. Rules are parsed with ical4j.
 *
 * <p>Reading gives the rule spelled out in one fixed order ({@code FREQ;INTERVAL;BYMONTH;BYMONTHDAY;BYDAY;BYSETPOS;
 * WKST;COUNT|UNTIL}) with the parts Graph keeps explicit: a rule written with implicit parts (a monthly rule without
 * BYMONTHDAY) comes back equivalent, not character for character.
 */
final class GraphRecurrence {

  private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final Map<Integer, WeekIndex> INDEX = Map.of(1, WeekIndex.First, 2, WeekIndex.Second,
      3, WeekIndex.Third, 4, WeekIndex.Fourth, -1, WeekIndex.Last);
  private static final Map<WeekIndex, Integer> POSITION = Map.of(WeekIndex.First, 1, WeekIndex.Second, 2,
      WeekIndex.Third, 3, WeekIndex.Fourth, 4, WeekIndex.Last, -1);

  private GraphRecurrence() {
  }

  /**
   * The patternedRecurrence of {@code rrule} (the line, "RRULE:" included) for a series whose first occurrence
   * starts at {@code firstStart} (local, in the series' zone), or on {@code firstStart}'s date for all-day series.
   * A new model on every call: the Graph SDK sends a model's fields only once.
   */
  static PatternedRecurrence toGraph(String rrule, LocalDateTime firstStart, boolean allDay, ZoneId zone,
      String windowsZone) throws VendorException {
    Recur<Temporal> rule = parse(rrule);
    RecurrencePattern pattern = pattern(rule, firstStart.toLocalDate(), rrule);
    pattern.setInterval(rule.getInterval() > 0 ? rule.getInterval() : 1);
    RecurrenceRange range = new RecurrenceRange();
    range.setStartDate(firstStart.toLocalDate());
    range.setRecurrenceTimeZone(windowsZone);
    if (rule.getCount() > 0) {
      range.setType(RecurrenceRangeType.Numbered);
      range.setNumberOfOccurrences(rule.getCount());
    } else if (rule.getUntil() != null) {
      range.setType(RecurrenceRangeType.EndDate);
      range.setEndDate(lastDay(rule.getUntil(), firstStart, allDay, zone));
    } else {
      range.setType(RecurrenceRangeType.NoEnd);
    }
    PatternedRecurrence recurrence = new PatternedRecurrence();
    recurrence.setPattern(pattern);
    recurrence.setRange(range);
    return recurrence;
  }

  /** The RRULE line of Graph's recurrence; {@code firstStart} as in {@link #toGraph}. */
  static String toRule(PatternedRecurrence recurrence, LocalDateTime firstStart, boolean allDay, ZoneId zone)
      throws VendorException {
    RecurrencePattern pattern = recurrence.getPattern();
    RecurrenceRange range = recurrence.getRange();
    if (pattern == null || pattern.getType() == null || range == null) {
      throw new VendorException(REJECTED, "Graph returned a recurrence without a pattern type or range");
    }
    StringJoiner rule = new StringJoiner(";", "RRULE:", "");
    int interval = pattern.getInterval() != null && pattern.getInterval() > 1 ? pattern.getInterval() : 1;
    List<DayOfWeek> days = days(pattern);
    switch (pattern.getType()) {
      case Daily -> rule.add("FREQ=DAILY");
      case Weekly -> rule.add("FREQ=WEEKLY");
      case AbsoluteMonthly, RelativeMonthly -> rule.add("FREQ=MONTHLY");
      case AbsoluteYearly, RelativeYearly -> rule.add("FREQ=YEARLY");
      default -> throw new VendorException(REJECTED, "unknown Graph recurrence pattern " + pattern.getType());
    }
    if (interval > 1) {
      rule.add("INTERVAL=" + interval);
    }
    switch (pattern.getType()) {
      case Weekly -> {
        rule.add("BYDAY=" + dayList(days, 0));
        DayOfWeek weekStart = day(pattern.getFirstDayOfWeek(), DayOfWeek.SUNDAY);
        // Only a rule that skips weeks depends on where a week starts; RFC 5545 starts it on Monday.
        if (interval > 1 && weekStart != DayOfWeek.MONDAY) {
          rule.add("WKST=" + WeekDay.getWeekDay(weekStart));
        }
      }
      case AbsoluteMonthly -> rule.add("BYMONTHDAY=" + pattern.getDayOfMonth());
      case RelativeMonthly -> relativeDays(rule, days, pattern.getIndex());
      case AbsoluteYearly -> rule.add("BYMONTH=" + pattern.getMonth()).add("BYMONTHDAY=" + pattern.getDayOfMonth());
      case RelativeYearly -> relativeDays(rule.add("BYMONTH=" + pattern.getMonth()), days, pattern.getIndex());
      default -> {
        // daily: nothing more
      }
    }
    RecurrenceRangeType end = range.getType() != null ? range.getType() : RecurrenceRangeType.NoEnd;
    if (end == RecurrenceRangeType.Numbered && range.getNumberOfOccurrences() != null) {
      rule.add("COUNT=" + range.getNumberOfOccurrences());
    } else if (end == RecurrenceRangeType.EndDate && range.getEndDate() != null) {
      rule.add("UNTIL=" + until(range.getEndDate(), firstStart, allDay, zone));
    }
    return rule.toString();
  }

  /** Parses an RRULE line with ical4j; a rule it cannot read is refused like one Graph cannot express. */
  static Recur<Temporal> parse(String rrule) throws VendorException {
    String value = rrule.regionMatches(true, 0, "RRULE:", 0, 6) ? rrule.substring(6) : rrule;
    try {
      return new Recur<>(value);
    } catch (RuntimeException e) {
      throw new VendorException(REJECTED, "invalid recurrence rule '" + rrule + "': " + e.getMessage());
    }
  }

  private static RecurrencePattern pattern(Recur<Temporal> rule, LocalDate firstDay, String line)
      throws VendorException {
    refuseUnsupportedParts(rule, line);
    List<WeekDay> byDay = rule.getDayList();
    List<Integer> monthDays = rule.getMonthDayList();
    List<Integer> setPos = rule.getSetPosList();
    RecurrencePattern pattern = new RecurrencePattern();
    Frequency frequency = rule.getFrequency();
    switch (frequency) {
      case DAILY -> {
        requireAbsent(line, "BYMONTHDAY", monthDays, " in a daily rule");
        requireAbsent(line, "BYSETPOS", setPos, " in a daily rule");
        requireAbsent(line, "BYMONTH", rule.getMonthList(), " in a daily rule");
        if (byDay.isEmpty()) {
          pattern.setType(RecurrencePatternType.Daily);
        } else if (rule.getInterval() <= 1) {
          // "every weekday" is daily on some days, which Graph says as weekly on those days
          pattern.setType(RecurrencePatternType.Weekly);
          pattern.setDaysOfWeek(plainDays(byDay, line));
          pattern.setFirstDayOfWeek(graphDay(DayOfWeek.MONDAY));
        } else {
          throw inexpressible(line, "a daily rule with an interval cannot be limited to week days");
        }
      }
      case WEEKLY -> {
        requireAbsent(line, "BYMONTHDAY", monthDays, " in a weekly rule");
        requireAbsent(line, "BYSETPOS", setPos, " in a weekly rule");
        requireAbsent(line, "BYMONTH", rule.getMonthList(), " in a weekly rule");
        pattern.setType(RecurrencePatternType.Weekly);
        pattern.setDaysOfWeek(byDay.isEmpty() ? List.of(graphDay(firstDay.getDayOfWeek())) : plainDays(byDay, line));
        WeekDay weekStart = rule.getWeekStartDay();
        pattern.setFirstDayOfWeek(graphDay(weekStart != null ? WeekDay.getDayOfWeek(weekStart) : DayOfWeek.MONDAY));
      }
      case MONTHLY -> {
        requireAbsent(line, "BYMONTH", rule.getMonthList(), " in a monthly rule");
        monthly(pattern, byDay, monthDays, setPos, firstDay, line, RecurrencePatternType.AbsoluteMonthly,
            RecurrencePatternType.RelativeMonthly);
      }
      case YEARLY -> {
        if (rule.getMonthList().size() > 1) {
          throw inexpressible(line, "Outlook repeats a yearly series in one month only");
        }
        pattern.setMonth(rule.getMonthList().isEmpty() ? firstDay.getMonthValue()
            : rule.getMonthList().get(0).getMonthOfYear());
        monthly(pattern, byDay, monthDays, setPos, firstDay, line, RecurrencePatternType.AbsoluteYearly,
            RecurrencePatternType.RelativeYearly);
      }
      default -> throw inexpressible(line, "Outlook series repeat daily at most (FREQ=" + frequency + ")");
    }
    return pattern;
  }

  /** Absolute: one day of the month. Relative: the n-th (1-4 or last) of some week days. */
  private static void monthly(RecurrencePattern pattern, List<WeekDay> byDay, List<Integer> monthDays,
      List<Integer> setPos, LocalDate firstDay, String line, RecurrencePatternType absolute,
      RecurrencePatternType relative) throws VendorException {
    if (byDay.isEmpty()) {
      requireAbsent(line, "BYSETPOS", setPos, " without BYDAY");
      if (monthDays.size() > 1 || (monthDays.size() == 1 && monthDays.get(0) < 1)) {
        throw inexpressible(line, "Outlook repeats on one day of the month, counted from its start");
      }
      pattern.setType(absolute);
      pattern.setDayOfMonth(monthDays.isEmpty() ? firstDay.getDayOfMonth() : monthDays.get(0));
      return;
    }
    requireAbsent(line, "BYMONTHDAY", monthDays, " together with BYDAY");
    int position;
    if (setPos.isEmpty()) {
      if (byDay.size() != 1 || byDay.get(0).getOffset() == 0) {
        throw inexpressible(line, "Outlook needs one week day with its position in the month (BYDAY=2MO)");
      }
      position = byDay.get(0).getOffset();
    } else {
      if (setPos.size() != 1) {
        throw inexpressible(line, "Outlook takes one BYSETPOS");
      }
      position = setPos.get(0);
    }
    WeekIndex index = INDEX.get(position);
    if (index == null) {
      throw inexpressible(line, "Outlook counts week days in a month as first to fourth or last, not " + position);
    }
    pattern.setType(relative);
    pattern.setIndex(index);
    pattern.setDaysOfWeek(setPos.isEmpty() ? List.of(graphDay(WeekDay.getDayOfWeek(byDay.get(0))))
        : plainDays(byDay, line));
  }

  private static void refuseUnsupportedParts(Recur<Temporal> rule, String line) throws VendorException {
    requireAbsent(line, "BYHOUR", rule.getHourList(), "");
    requireAbsent(line, "BYMINUTE", rule.getMinuteList(), "");
    requireAbsent(line, "BYSECOND", rule.getSecondList(), "");
    requireAbsent(line, "BYYEARDAY", rule.getYearDayList(), "");
    requireAbsent(line, "BYWEEKNO", rule.getWeekNoList(), "");
    if (rule.getSkip() != null || !rule.getExperimentalValues().isEmpty()) {
      throw inexpressible(line, "Outlook has no calendar scales or extensions in a rule");
    }
  }

  private static void requireAbsent(String line, String part, List<?> values, String context) throws VendorException {
    if (!values.isEmpty()) {
      throw inexpressible(line, "Outlook series have no " + part + context);
    }
  }

  private static List<com.microsoft.graph.models.DayOfWeek> plainDays(List<WeekDay> byDay, String line)
      throws VendorException {
    List<com.microsoft.graph.models.DayOfWeek> days = new ArrayList<>();
    for (WeekDay day : byDay) {
      if (day.getOffset() != 0) {
        throw inexpressible(line, "a position like " + day + " needs FREQ=MONTHLY or FREQ=YEARLY and a single day");
      }
      days.add(graphDay(WeekDay.getDayOfWeek(day)));
    }
    return days;
  }

  private static void relativeDays(StringJoiner rule, List<DayOfWeek> days, WeekIndex index) {
    int position = POSITION.getOrDefault(index != null ? index : WeekIndex.First, 1);
    if (days.size() == 1) {
      rule.add("BYDAY=" + dayList(days, position));
    } else {
      rule.add("BYDAY=" + dayList(days, 0)).add("BYSETPOS=" + position);
    }
  }

  private static List<DayOfWeek> days(RecurrencePattern pattern) {
    List<DayOfWeek> days = new ArrayList<>();
    if (pattern.getDaysOfWeek() != null) {
      pattern.getDaysOfWeek().forEach(d -> days.add(day(d, DayOfWeek.MONDAY)));
    }
    days.sort(Comparator.naturalOrder());
    return days;
  }

  private static String dayList(List<DayOfWeek> days, int position) {
    StringJoiner list = new StringJoiner(",");
    days.forEach(d -> list.add((position == 0 ? "" : Integer.toString(position)) + WeekDay.getWeekDay(d)));
    return list.toString();
  }

  /**
   * Graph ends a series on a date (occurrences on it included); UNTIL is the last instant an occurrence may start.
   * The last day is the date of the last possible start: UNTIL's date in the series' zone, or the day before when
   * UNTIL falls before the daily start time.
   */
  private static LocalDate lastDay(Temporal until, LocalDateTime firstStart, boolean allDay, ZoneId zone) {
    if (until instanceof LocalDate date) {
      return date;
    }
    LocalDateTime local;
    if (until instanceof LocalDateTime floating) {
      local = floating;
    } else {
      local = ZonedDateTime.ofInstant(Instant.from(until), zone).toLocalDateTime();
    }
    if (allDay) {
      return local.toLocalDate();
    }
    return local.toLocalTime().isBefore(firstStart.toLocalTime()) ? local.toLocalDate().minusDays(1)
        : local.toLocalDate();
  }

  /** The UNTIL of an end date: the date for all-day series, else the last day's start time in UTC. */
  private static String until(LocalDate endDate, LocalDateTime firstStart, boolean allDay, ZoneId zone) {
    if (allDay) {
      return DateTimeFormatter.BASIC_ISO_DATE.format(endDate);
    }
    return UTC_STAMP.format(endDate.atTime(firstStart.toLocalTime()).atZone(zone).withZoneSameInstant(ZoneOffset.UTC));
  }

  private static com.microsoft.graph.models.DayOfWeek graphDay(DayOfWeek day) {
    return com.microsoft.graph.models.DayOfWeek.forValue(day.name().toLowerCase(Locale.ROOT));
  }

  private static DayOfWeek day(com.microsoft.graph.models.DayOfWeek day, DayOfWeek fallback) {
    return day == null ? fallback : DayOfWeek.valueOf(day.getValue().toUpperCase(Locale.ROOT));
  }

  private static VendorException inexpressible(String line, String reason) {
    return new VendorException(REJECTED, "Outlook cannot express the recurrence '" + line + "': " + reason);
  }
}
