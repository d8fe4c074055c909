package io.calendarsync.operator.vendor.google;

import com.google.api.client.util.Data;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.store.EntryTiming;
import io.calendarsync.operator.vendor.EventContent;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.OccurrenceOf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Translates between Google events and the port's {@link EventContent} / {@link ExternalEvent}, losslessly for the
 * fields the engine owns: timed events keep their instants and IANA zone, all-day events their dates with Google's
 * exclusive end date (never midnights), series their RFC 5545 lines, exceptions their series and original start.
 * Fields the engine does not own (attendees, reminders, colours, conference links) are left as they are on writes.
 *
 * <p>Odd events are read safely rather than refused: no zone or an unknown one falls back to the calendar's zone
 * (Google's own default; the instants are fixed by the offsets anyway), and an end that is missing or not after the
 * start is replaced by Google's default length. Only an event with no usable start is unmappable.
 */
final class GoogleEventMapper {

  /** The private extended property that carries the owner tag. */
  static final String OWNER_TAG_PROPERTY = "calendarsync-entry";
  /** Google Calendar's default length of a new timed event. */
  static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(GoogleEventMapper.class);
  private static final String CANCELLED = "cancelled";

  private final ZoneId calendarZone;

  /** @param calendarZone the calendar's time zone: Google's default for events that name none */
  GoogleEventMapper(ZoneId calendarZone) {
    this.calendarZone = calendarZone;
  }

  ExternalEvent toExternal(Event event) throws UnmappableEvent {
    if (event.getId() == null) {
      throw new UnmappableEvent("it has no id");
    }
    boolean cancelled = CANCELLED.equals(event.getStatus());
    Optional<OccurrenceOf> occurrence = occurrenceOf(event);
    // Google guarantees only the id (and for exceptions the series and original start) of a cancelled event.
    EventContent content = cancelled && event.getStart() == null ? tombstone(event, occurrence) : content(event);
    return new ExternalEvent(event.getId(), event.getEtag(), instant(event.getUpdated()), content, occurrence,
        ownerTag(event), cancelled);
  }

  /**
   * Writes what the engine owns onto {@code event}: a new event, a patch, or the current one as read for a full
   * update. A field the content leaves empty is written as an explicit JSON null, because a patch that omits a field
   * keeps it: a patch clears a removed description, turns a series into a single event, and switches between timed
   * ({@code dateTime}) and all-day ({@code date}) start and end, whose other member Google would otherwise merge in.
   * Private extended properties other than our owner tag, and a visibility the user chose that is not private, are
   * kept when {@code event} was read; a patch merges into the properties Google holds.
   */
  void writeContent(EventContent content, String ownerTag, Event event) {
    Optional<String> zoneName = GoogleTimeZones.nameOf(content.timeZone());
    event.setSummary(content.title());
    event.setDescription(orNull(content.description()));
    event.setLocation(orNull(content.location()));
    if (content.timing() instanceof EntryTiming.Timed timed) {
      event.setStart(dateTime(timed.start(), content.timeZone(), zoneName));
      event.setEnd(dateTime(timed.end(), content.timeZone(), zoneName));
    } else if (content.timing() instanceof EntryTiming.AllDay allDay) {
      // The zone is kept on all-day events too, so it survives the round trip.
      event.setStart(date(allDay.startDate(), zoneName));
      event.setEnd(date(allDay.endDate(), zoneName));
    }
    event.setRecurrence(content.recurrence().isEmpty() ? Data.nullOf(ArrayList.class) : content.recurrence());
    event.setStatus(content.status().name().toLowerCase(Locale.ROOT));
    event.setVisibility(visibility(content.privateEvent(), event.getVisibility()));
    Event.ExtendedProperties properties =
        event.getExtendedProperties() != null ? event.getExtendedProperties() : new Event.ExtendedProperties();
    Map<String, String> privateProperties =
        properties.getPrivate() != null ? new HashMap<>(properties.getPrivate()) : new HashMap<>();
    privateProperties.put(OWNER_TAG_PROPERTY, ownerTag);
    event.setExtendedProperties(properties.setPrivate(privateProperties));
  }

  private EventContent content(Event event) throws UnmappableEvent {
    return new EventContent(event.getSummary() != null ? event.getSummary() : "", event.getDescription(),
        event.getLocation(), timing(event), zone(event), event.getRecurrence() != null ? event.getRecurrence() : List.of(),
        status(event.getStatus()), isPrivate(event.getVisibility()));
  }

  /** A placeholder content for a cancelled event Google sent without its times; the engine acts on cancelled only. */
  private EventContent tombstone(Event event, Optional<OccurrenceOf> occurrence) {
    EntryTiming timing;
    if (occurrence.isPresent() && occurrence.get().originalStartDate() != null) {
      LocalDate day = occurrence.get().originalStartDate();
      timing = new EntryTiming.AllDay(day, day.plusDays(1));
    } else {
      Instant start = occurrence.map(OccurrenceOf::originalStart)
          .or(() -> Optional.ofNullable(instant(event.getUpdated())))
          .orElse(Instant.EPOCH);
      timing = new EntryTiming.Timed(start, start.plus(DEFAULT_LENGTH));
    }
    return new EventContent(event.getSummary() != null ? event.getSummary() : "", event.getDescription(),
        event.getLocation(), timing, calendarZone, List.of(), EntryStatus.CANCELLED, false);
  }

  private EntryTiming timing(Event event) throws UnmappableEvent {
    EventDateTime start = event.getStart();
    EventDateTime end = event.getEnd();
    if (start != null && start.getDate() != null) {
      LocalDate first = day(start.getDate());
      LocalDate last = end != null && end.getDate() != null ? day(end.getDate()) : null;
      if (last == null || !last.isAfter(first)) {
        LOG.warn("Google event {} has no end after its start {}; reading it as one day long", event.getId(), first);
        last = first.plusDays(1);
      }
      return new EntryTiming.AllDay(first, last);
    }
    if (start != null && start.getDateTime() != null) {
      Instant from = instant(start.getDateTime());
      Instant to = end != null && end.getDateTime() != null ? instant(end.getDateTime()) : null;
      if (to == null || !to.isAfter(from)) {
        LOG.warn("Google event {} has no end after its start {}; reading it as {} long", event.getId(), from,
            DEFAULT_LENGTH);
        to = from.plus(DEFAULT_LENGTH);
      }
      return new EntryTiming.Timed(from, to);
    }
    throw new UnmappableEvent("it has neither a start date nor a start time");
  }

  private ZoneId zone(Event event) {
    String name = event.getStart() != null ? event.getStart().getTimeZone() : null;
    Optional<ZoneId> zone = GoogleTimeZones.named(name);
    if (name != null && zone.isEmpty()) {
      LOG.warn("Google event {} names the unknown time zone '{}'; using the calendar's, {}", event.getId(), name,
          calendarZone);
    }
    return zone.orElse(calendarZone);
  }

  private static Optional<OccurrenceOf> occurrenceOf(Event event) throws UnmappableEvent {
    if (event.getRecurringEventId() == null) {
      return Optional.empty();
    }
    EventDateTime original = event.getOriginalStartTime();
    if (original != null && original.getDate() != null) {
      return Optional.of(new OccurrenceOf(event.getRecurringEventId(), null, day(original.getDate())));
    }
    if (original != null && original.getDateTime() != null) {
      return Optional.of(new OccurrenceOf(event.getRecurringEventId(), instant(original.getDateTime()), null));
    }
    throw new UnmappableEvent("it is an exception of series " + event.getRecurringEventId()
        + " without an original start");
  }

  private static Optional<String> ownerTag(Event event) {
    return Optional.ofNullable(event.getExtendedProperties())
        .map(Event.ExtendedProperties::getPrivate)
        .map(properties -> properties.get(OWNER_TAG_PROPERTY));
  }

  private static EntryStatus status(String status) throws UnmappableEvent {
    if (status == null || status.equals("confirmed")) {
      return EntryStatus.CONFIRMED;
    }
    return switch (status) {
      case "tentative" -> EntryStatus.TENTATIVE;
      case CANCELLED -> EntryStatus.CANCELLED;
      default -> throw new UnmappableEvent("its status '" + status + "' is unknown");
    };
  }

  /** Google's legacy "confidential" means private as well. */
  private static boolean isPrivate(String visibility) {
    return "private".equals(visibility) || "confidential".equals(visibility);
  }

  /**
   * Sets or clears privacy, and otherwise keeps what the user chose on an event that was read ("public" stays
   * public). A patch does not know the event's visibility, so clearing privacy there means the calendar's default.
   */
  private static String visibility(boolean privateEvent, String current) {
    if (privateEvent) {
      return "private";
    }
    return current == null || isPrivate(current) ? "default" : current;
  }

  private static String orNull(String value) {
    return value != null ? value : Data.NULL_STRING;
  }

  private static EventDateTime dateTime(Instant instant, ZoneId zone, Optional<String> zoneName) {
    int offsetMinutes = zone.getRules().getOffset(instant).getTotalSeconds() / 60;
    return new EventDateTime()
        .setDate(Data.nullOf(DateTime.class))
        .setDateTime(new DateTime(false, instant.toEpochMilli(), offsetMinutes))
        .setTimeZone(zoneName.orElse(Data.NULL_STRING));
  }

  private static EventDateTime date(LocalDate day, Optional<String> zoneName) {
    return new EventDateTime()
        .setDate(DateTime.parseRfc3339(day.toString()))
        .setDateTime(Data.nullOf(DateTime.class))
        .setTimeZone(zoneName.orElse(Data.NULL_STRING));
  }

  /** A date-only value is midnight UTC of that day in the client library. */
  private static LocalDate day(DateTime date) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(date.getValue()), ZoneOffset.UTC);
  }

  private static Instant instant(DateTime time) {
    return time == null ? null : Instant.ofEpochMilli(time.getValue());
  }
}
