package io.calendarsync.operator.vendor;

import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.store.EntryTiming;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a calendar event says, in vendor-neutral terms: the fields the engine keeps equal to a schedule entry's.
 *
 * @param description may be null
 * @param location may be null
 * @param timeZone the zone the event is shown in and a series expands in (IANA); adapters translate to and from
 *     the vendor's names (Graph uses Windows names)
 * @param recurrence RFC 5545 RRULE / RDATE / EXDATE lines of a series master; empty for single events and exceptions
 */
public record EventContent(String title, String description, String location, EntryTiming timing, ZoneId timeZone,
    List<String> recurrence, EntryStatus status, boolean privateEvent) {

  public EventContent {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(status, "status");
    recurrence = List.copyOf(recurrence);
  }
}
