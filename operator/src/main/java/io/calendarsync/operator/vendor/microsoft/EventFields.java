package io.calendarsync.operator.vendor.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.models.FreeBusyStatus;
import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.Sensitivity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The fields of a Graph event that the port's mapping and versions read, from an SDK model or straight from a
 * listing's JSON: a full listing parses each event once, as these fields, instead of into SDK models (building them,
 * the SDK's backing store, was most of the listing's client-side cost).
 *
 * @param recurrence a series master's pattern; only SDK models carry it (listings of instances have none)
 * @param attendees how many attendees the event has
 */
record EventFields(String id, String subject, String body, String location, WireTime start, WireTime end,
    boolean allDay, String originalStartTimeZone, EventType type, PatternedRecurrence recurrence,
    String seriesMasterId, Instant originalStart, boolean cancelled, FreeBusyStatus showAs, Sensitivity sensitivity,
    String changeKey, Instant lastModified, int attendees, Boolean organizer) {

  /** A time as Graph writes it: local date-time and the zone's (Windows or IANA) name. */
  record WireTime(String dateTime, String timeZone) {}

  static EventFields of(Event event) {
    return new EventFields(event.getId(), event.getSubject(),
        event.getBody() != null ? event.getBody().getContent() : null,
        event.getLocation() != null ? event.getLocation().getDisplayName() : null,
        wireTime(event.getStart()), wireTime(event.getEnd()), Boolean.TRUE.equals(event.getIsAllDay()),
        event.getOriginalStartTimeZone(), event.getType(), event.getRecurrence(), event.getSeriesMasterId(),
        event.getOriginalStart() != null ? event.getOriginalStart().toInstant() : null,
        Boolean.TRUE.equals(event.getIsCancelled()), event.getShowAs(), event.getSensitivity(), event.getChangeKey(),
        event.getLastModifiedDateTime() != null ? event.getLastModifiedDateTime().toInstant() : null,
        event.getAttendees() != null ? event.getAttendees().size() : 0, event.getIsOrganizer());
  }

  /**
   * An event of a listing's {@code value}, read as the SDK reads it: enums by their wire names (unknown ones as
   * absent), times with or without an offset (UTC when absent).
   */
  static EventFields of(JsonNode event) {
    JsonNode attendees = event.get("attendees");
    JsonNode organizer = event.get("isOrganizer");
    return new EventFields(text(event, "id"), text(event, "subject"), text(event.path("body"), "content"),
        text(event.path("location"), "displayName"), wireTime(event.get("start")), wireTime(event.get("end")),
        event.path("isAllDay").asBoolean(false), text(event, "originalStartTimeZone"),
        enumValue(event, "type", EventType::forValue), null, text(event, "seriesMasterId"),
        instant(text(event, "originalStart")), event.path("isCancelled").asBoolean(false),
        enumValue(event, "showAs", FreeBusyStatus::forValue), enumValue(event, "sensitivity", Sensitivity::forValue),
        text(event, "changeKey"), instant(text(event, "lastModifiedDateTime")),
        attendees != null && attendees.isArray() ? attendees.size() : 0,
        organizer != null && organizer.isBoolean() ? organizer.booleanValue() : null);
  }

  private static WireTime wireTime(DateTimeTimeZone time) {
    return time == null ? null : new WireTime(time.getDateTime(), time.getTimeZone());
  }

  private static WireTime wireTime(JsonNode time) {
    return time == null || !time.isObject() ? null : new WireTime(text(time, "dateTime"), text(time, "timeZone"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static <E> E enumValue(JsonNode node, String field, Function<String, E> byName) {
    String name = text(node, field);
    return name == null ? null : byName.apply(name);
  }

  private static Instant instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    }
  }
}
