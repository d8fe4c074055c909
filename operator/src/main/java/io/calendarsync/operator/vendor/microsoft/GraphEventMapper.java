package io.calendarsync.operator.vendor.microsoft;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.models.FreeBusyStatus;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Location;
import com.microsoft.graph.models.Sensitivity;
import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.store.EntryTiming;
import io.calendarsync.operator.vendor.EventContent;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.OccurrenceOf;
import io.calendarsync.operator.vendor.VendorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;

/**
 * Translates between Graph events and the port's {@link EventContent} / {@link ExternalEvent}, losslessly for the
 * fields the engine owns. Reads ask Graph for UTC times ({@code Prefer: outlook.timezone="UTC"}); the event's own zone
 * comes from our zone stamp while it still matches the event's Windows zone, else from that Windows zone. All-day
 * events are midnight to midnight in the event's zone with the exclusive end date, and stay dates both ways.
 *
 * <p>Status: Outlook has no tentative or cancelled event, only a free/busy display and, on meetings cancelled by
 * their organizer, {@code isCancelled}. So {@code isCancelled} reads as CANCELLED, {@code showAs: tentative} as
 * TENTATIVE and every other display (busy, free, away, elsewhere) as CONFIRMED. Writing TENTATIVE shows the event as
 * tentative; CONFIRMED shows it busy, unless the user chose a display that is not tentative, which is kept. CANCELLED
 * is never written as a field: cancelling in Outlook is deleting ({@link OutlookCalendar} does that).
 *
 * <p>Privacy: {@code sensitivity} private or confidential reads as private; writing private sets private, writing
 * not private resets private/confidential to normal and keeps "personal".
 */
final class GraphEventMapper {

  private static final Logger LOG = LoggerFactory.getLogger(GraphEventMapper.class);
  private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  /** The event as the port sees it; a series master's EXDATEs are the {@code deleted} occurrences. */
  ExternalEvent toExternal(Event event, Stamp stamp, List<OriginalStart> deleted) throws VendorException {
    return toExternal(EventFields.of(event), stamp, deleted);
  }

  ExternalEvent toExternal(EventFields event, Stamp stamp, List<OriginalStart> deleted) throws VendorException {
    if (event.id() == null) {
      throw unmappable(event, "it has no id");
    }
    ZoneId zone = zone(event, stamp);
    EventContent content = new EventContent(event.subject() != null ? event.subject() : "",
        blankToNull(event.body()), blankToNull(event.location()),
        timing(event), zone, recurrence(event, zone, deleted), status(event), isPrivate(event.sensitivity()));
    Optional<OccurrenceOf> occurrence = occurrenceOf(event, zone);
    return new ExternalEvent(event.id(), EventVersion.from(event).value(), event.lastModified(), content,
        occurrence, stamp.ownerTag(), occurrence.isPresent() && event.cancelled());
  }

  /**
   * A new event, or the changes to an event that shows {@code current} (empty for a create), with the fields the
   * engine owns: subject,
   * body as text, location, times in the zone's Windows name, all-day, free/busy, privacy, our stamp and, for a
   * series, its pattern. A new model on every call: the SDK sends a model's fields only once.
   */
  Event write(EventContent content, Stamp stamp, Optional<EventVersion> current) throws VendorException {
    String windowsZone = GraphTimeZones.windowsName(content.timeZone());
    ZoneId wireZone = GraphTimeZones.zoneOf(windowsZone).orElse(ZoneOffset.UTC);
    Event event = new Event();
    event.setSubject(content.title());
    ItemBody body = new ItemBody();
    body.setContentType(BodyType.Text);
    body.setContent(content.description() != null ? content.description() : "");
    event.setBody(body);
    Location location = new Location();
    location.setDisplayName(content.location() != null ? content.location() : "");
    event.setLocation(location);
    LocalDateTime start;
    LocalDateTime end;
    if (content.timing() instanceof EntryTiming.AllDay allDay) {
      start = allDay.startDate().atStartOfDay();
      end = allDay.endDate().atStartOfDay();
    } else {
      EntryTiming.Timed timed = (EntryTiming.Timed) content.timing();
      start = LocalDateTime.ofInstant(timed.start(), wireZone);
      end = LocalDateTime.ofInstant(timed.end(), wireZone);
    }
    boolean allDay = content.timing() instanceof EntryTiming.AllDay;
    event.setIsAllDay(allDay);
    event.setStart(dateTime(start, windowsZone));
    event.setEnd(dateTime(end, windowsZone));
    showAs(content.status(), current).ifPresent(event::setShowAs);
    sensitivity(content.privateEvent(), current).ifPresent(event::setSensitivity);
    event.setSingleValueExtendedProperties(new ArrayList<>(stamp.properties()));
    if (!content.recurrence().isEmpty()) {
      SeriesLines lines = SeriesLines.parse(content.recurrence(), content.timeZone(), allDay);
      event.setRecurrence(GraphRecurrence.toGraph(lines.rrule(), start, allDay, wireZone, windowsZone));
    }
    return event;
  }

  /**
   * The occurrences the master's rule gives up to {@code horizon} (open-ended series) or its end: compared with the
   * instances Graph still has, they tell which occurrences were deleted.
   */
  List<OriginalStart> expectedOccurrences(Event master, Stamp stamp, Instant horizon) throws VendorException {
    EventFields fields = EventFields.of(master);
    ZoneId zone = zone(fields, stamp);
    LocalDateTime firstStart = localStart(fields, zone);
    String rule = GraphRecurrence.toRule(master.getRecurrence(), firstStart, fields.allDay(), zone);
    return SeriesExpansion.starts(rule, firstStart, fields.allDay(), zone, horizon);
  }

  /** The original start of an occurrence or exception, in the terms of its series. */
  Optional<OriginalStart> originalStart(Event instance, Stamp stamp) {
    if (instance.getOriginalStart() == null) {
      return Optional.empty();
    }
    EventFields fields = EventFields.of(instance);
    return Optional.of(OriginalStart.of(fields.originalStart(), fields.allDay(), zone(fields, stamp)));
  }

  /** The zone the event is shown in: ours while its Windows zone is still the one we wrote, else Graph's. */
  private ZoneId zone(EventFields event, Stamp stamp) {
    String windowsZone = event.originalStartTimeZone();
    if (stamp.zone().isPresent() && GraphTimeZones.windowsName(stamp.zone().get()).equals(windowsZone)) {
      return stamp.zone().get();
    }
    Optional<ZoneId> zone = GraphTimeZones.zoneOf(windowsZone);
    if (zone.isEmpty()) {
      LOG.warn("Graph event {} names the unknown time zone '{}'; reading it in UTC (its instants are exact)",
          event.id(), windowsZone);
    }
    return zone.orElse(ZoneOffset.UTC);
  }

  private List<String> recurrence(EventFields event, ZoneId zone, List<OriginalStart> deleted)
      throws VendorException {
    if (event.type() != EventType.SeriesMaster || event.recurrence() == null) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add(GraphRecurrence.toRule(event.recurrence(), localStart(event, zone), event.allDay(), zone));
    lines.addAll(SeriesLines.exdates(deleted, zone));
    return lines;
  }

  private static LocalDateTime localStart(EventFields event, ZoneId zone) throws VendorException {
    EntryTiming timing = timing(event);
    return timing instanceof EntryTiming.Timed timed
        ? LocalDateTime.ofInstant(timed.start(), zone)
        : ((EntryTiming.AllDay) timing).startDate().atStartOfDay();
  }

  /**
   * All-day events are floating dates whatever zone the read asked for; timed ones are read as the instants their
   * local time and zone name give. An end not after the start reads as one day / Outlook's default half hour.
   */
  private static EntryTiming timing(EventFields event) throws VendorException {
    LocalDateTime start = local(event, event.start(), "start");
    LocalDateTime end = event.end() != null ? local(event, event.end(), "end") : null;
    if (event.allDay()) {
      LocalDate first = start.toLocalDate();
      LocalDate last = end == null ? first : end.toLocalTime().equals(LocalTime.MIDNIGHT)
          ? end.toLocalDate() : end.toLocalDate().plusDays(1);
      return new EntryTiming.AllDay(first, last.isAfter(first) ? last : first.plusDays(1));
    }
    Instant from = instant(event, event.start(), start);
    Instant to = end != null ? instant(event, event.end(), end) : null;
    return new EntryTiming.Timed(from, to != null && to.isAfter(from) ? to : from.plus(Duration.ofMinutes(30)));
  }

  private static LocalDateTime local(EventFields event, EventFields.WireTime time, String field)
      throws VendorException {
    if (time == null || time.dateTime() == null) {
      throw unmappable(event, "it has no " + field + " time");
    }
    try {
      return LocalDateTime.parse(time.dateTime());
    } catch (DateTimeParseException e) {
      throw unmappable(event, "its " + field + " time '" + time.dateTime() + "' is unreadable");
    }
  }

  private static Instant instant(EventFields event, EventFields.WireTime time, LocalDateTime local)
      throws VendorException {
    ZoneId zone = time.timeZone() == null ? ZoneOffset.UTC : GraphTimeZones.zoneOf(time.timeZone())
        .orElseThrow(() -> unmappable(event, "its times are in the unknown zone '" + time.timeZone() + "'"));
    return local.atZone(zone).toInstant();
  }

  private Optional<OccurrenceOf> occurrenceOf(EventFields event, ZoneId zone) throws VendorException {
    if (event.type() != EventType.Occurrence && event.type() != EventType.Exception) {
      return Optional.empty();
    }
    if (event.seriesMasterId() == null || event.originalStart() == null) {
      throw unmappable(event, "it is an instance of a series without its series id or original start");
    }
    return Optional.of(OriginalStart.of(event.originalStart(), event.allDay(), zone).of(event.seriesMasterId()));
  }

  private static EntryStatus status(EventFields event) {
    if (event.cancelled()) {
      return EntryStatus.CANCELLED;
    }
    return event.showAs() == FreeBusyStatus.Tentative ? EntryStatus.TENTATIVE : EntryStatus.CONFIRMED;
  }

  private static Optional<FreeBusyStatus> showAs(EntryStatus status, Optional<EventVersion> current) {
    boolean tentativeNow = current.filter(EventVersion::tentative).isPresent();
    if (status == EntryStatus.TENTATIVE) {
      return tentativeNow ? Optional.empty() : Optional.of(FreeBusyStatus.Tentative);
    }
    return current.isEmpty() || tentativeNow ? Optional.of(FreeBusyStatus.Busy) : Optional.empty();
  }

  private static boolean isPrivate(Sensitivity sensitivity) {
    return sensitivity == Sensitivity.Private || sensitivity == Sensitivity.Confidential;
  }

  private static Optional<Sensitivity> sensitivity(boolean privateEvent, Optional<EventVersion> current) {
    if (privateEvent) {
      return Optional.of(Sensitivity.Private);
    }
    return current.isEmpty() || current.get().privately() ? Optional.of(Sensitivity.Normal) : Optional.empty();
  }

  private static DateTimeTimeZone dateTime(LocalDateTime local, String windowsZone) {
    DateTimeTimeZone time = new DateTimeTimeZone();
    time.setDateTime(WIRE_TIME.format(local));
    time.setTimeZone(windowsZone);
    return time;
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static VendorException unmappable(EventFields event, String reason) {
    return new VendorException(REJECTED, "Graph event " + event.id() + " cannot be mapped: " + reason);
  }
}
