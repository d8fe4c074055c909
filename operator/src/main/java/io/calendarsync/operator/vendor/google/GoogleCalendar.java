package io.calendarsync.operator.vendor.google;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.vendor.ChangeSet;
import io.calendarsync.operator.vendor.EventContent;
import io.calendarsync.operator.vendor.ExternalCalendar;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.HeldVersions;
import io.calendarsync.operator.vendor.OccurrenceOf;
import io.calendarsync.operator.vendor.TimeWindow;
import io.calendarsync.operator.vendor.VendorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.calendarsync.operator.vendor.VendorException.Kind.NOT_FOUND;
import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;
import static io.calendarsync.operator.vendor.VendorException.Kind.UNAVAILABLE;
import static io.calendarsync.operator.vendor.google.GoogleErrors.Addressed.CALENDAR;
import static io.calendarsync.operator.vendor.google.GoogleErrors.Addressed.EVENT;
import static io.calendarsync.operator.vendor.google.GoogleRequests.build;

/**
 * One provider's Google calendar during one sync. Every write passes {@code sendUpdates=none}: the operator copies
 * schedule entries, it never invites anyone.
 */
final class GoogleCalendar implements ExternalCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(GoogleCalendar.class);
  private static final String NO_INVITATIONS = "none";
  /** Google answers 404 for an event it never had and 410 for one deleted long ago. */
  private static final Set<Integer> GONE = Set.of(404, 410);
  private static final Set<Integer> ID_TAKEN = Set.of(409);

  private final Calendar api;
  private final GoogleRequests requests;
  private final String calendarId;
  private final GoogleEventMapper mapper;
  private final int pageSize;
  private final String providerKey;

  GoogleCalendar(Calendar api, GoogleRequests requests, String calendarId, GoogleEventMapper mapper, int pageSize,
      String providerKey) {
    this.api = api;
    this.requests = requests;
    this.calendarId = calendarId;
    this.mapper = mapper;
    this.pageSize = pageSize;
    this.providerKey = providerKey;
  }

  /**
   * With a cursor: Google's incremental sync from that sync token, deletions included. Without: the window's events
   * (series as masters, exceptions on their own), whose closing sync token becomes the cursor. Google refuses time
   * bounds together with a sync token, so incremental results are not limited to the window: events that moved out
   * of it are reported with their new times. Events that cannot be mapped are logged, counted and left out. The
   * listing carries every event whole, so the versions the engine holds are not needed.
   */
  @Override
  public ChangeSet changesSince(Optional<String> cursor, TimeWindow window, HeldVersions held)
      throws VendorException {
    Calendar.Events.List list = build(() -> api.events().list(calendarId)
        .setMaxResults(pageSize)
        .setSingleEvents(false));
    if (cursor.isPresent()) {
      list.setSyncToken(cursor.get());
    } else {
      list.setTimeMin(dateTime(window.start())).setTimeMax(dateTime(window.end())).setShowDeleted(false);
    }
    List<ExternalEvent> changed = new ArrayList<>();
    int skipped = 0;
    Events page;
    do {
      page = requests.execute(list, CALENDAR);
      for (Event item : page.getItems() != null ? page.getItems() : List.<Event>of()) {
        Optional<ExternalEvent> mapped = mapOrSkip(item);
        if (mapped.isPresent()) {
          changed.add(mapped.get());
        } else {
          skipped++;
        }
      }
      list.setPageToken(page.getNextPageToken());
    } while (page.getNextPageToken() != null);
    if (page.getNextSyncToken() == null) {
      throw new VendorException(UNAVAILABLE, "Google Calendar ended the listing without a sync token");
    }
    return new ChangeSet(changed, List.of(), page.getNextSyncToken(), cursor.isEmpty(), skipped);
  }

  @Override
  public Optional<ExternalEvent> get(String id) throws VendorException {
    Optional<Event> event = read(id);
    return event.isPresent() ? Optional.of(mapped(event.get())) : Optional.empty();
  }

  @Override
  public ExternalEvent create(String idempotencyKey, EventContent content, String ownerTag,
      Optional<OccurrenceOf> occurrenceOf) throws VendorException {
    if (occurrenceOf.isPresent()) {
      return createException(occurrenceOf.get(), content, ownerTag);
    }
    String id = GoogleEventIds.forIdempotencyKey(idempotencyKey);
    Event event = new Event().setId(id);
    mapper.writeContent(content, ownerTag, event);
    Optional<Event> created = requests.executeUnless(
        build(() -> api.events().insert(calendarId, event).setSendUpdates(NO_INVITATIONS)), CALENDAR, ID_TAKEN);
    if (created.isPresent()) {
      return mapped(created.get());
    }
    // 409: an earlier call with this key created the event (its answer or the engine's commit was lost): adopt it.
    return get(id).orElseThrow(() ->
        new VendorException(REJECTED, "Google reports event id " + id + " as taken but does not return the event"));
  }

  /**
   * Google makes an exception by writing to the occurrence's instance id, which also makes a retry idempotent.
   * A cancelled occurrence is deleted, Google's way of cancelling one; what remains is the cancelled exception.
   */
  private ExternalEvent createException(OccurrenceOf occurrence, EventContent content, String ownerTag)
      throws VendorException {
    String id = GoogleEventIds.ofOccurrence(occurrence);
    if (content.status() == EntryStatus.CANCELLED) {
      requests.executeUnless(build(() -> api.events().delete(calendarId, id).setSendUpdates(NO_INVITATIONS)),
          EVENT, GONE);
      return get(id).orElseThrow(() -> noSuchOccurrence(occurrence));
    }
    Event instance = read(id).orElseThrow(() -> noSuchOccurrence(occurrence));
    return rewrite(id, instance, content, ownerTag);
  }

  /**
   * A patch of the fields the engine owns, conditional on the version the engine holds (If-Match): one request, and
   * what the user added that the engine does not own (attendees, reminders, conference links) stays as it is. A 412
   * (the event changed) or 404 reaches the engine, which re-reads and re-decides. A cancelled status is written as a
   * delete.
   */
  @Override
  public ExternalEvent update(String id, String ifMatchVersion, EventContent content, String ownerTag)
      throws VendorException {
    if (content.status() == EntryStatus.CANCELLED) {
      delete(id, ifMatchVersion);
      return get(id).orElseThrow(() -> new VendorException(NOT_FOUND, "Google event " + id + " is gone"));
    }
    Event changes = new Event();
    mapper.writeContent(content, ownerTag, changes);
    Calendar.Events.Patch patch = build(() -> api.events().patch(calendarId, id, changes)
        .setSendUpdates(NO_INVITATIONS));
    patch.getRequestHeaders().setIfMatch(ifMatchVersion);
    Optional<Event> written = requests.executeUnless(patch, EVENT, GONE);
    return mapped(written.orElseThrow(() -> new VendorException(NOT_FOUND, "Google event " + id + " does not exist")));
  }

  @Override
  public void delete(String id, String ifMatchVersion) throws VendorException {
    Calendar.Events.Delete delete = build(() -> api.events().delete(calendarId, id).setSendUpdates(NO_INVITATIONS));
    delete.getRequestHeaders().setIfMatch(ifMatchVersion);
    requests.executeUnless(delete, EVENT, GONE);
  }

  private Optional<Event> read(String id) throws VendorException {
    return requests.executeUnless(build(() -> api.events().get(calendarId, id)), EVENT, GONE);
  }

  /**
   * Writes the engine's content over the occurrence as read and puts it back whole: the occurrence of a series becomes
   * an exception of its own under the same id.
   */
  private ExternalEvent rewrite(String id, Event current, EventContent content, String ownerTag)
      throws VendorException {
    mapper.writeContent(content, ownerTag, current);
    // Sent without its sequence, Google moves the sequence itself when the time changes, as iCalendar readers expect.
    current.setSequence(null);
    Calendar.Events.Update put = build(() -> api.events().update(calendarId, id, current)
        .setSendUpdates(NO_INVITATIONS));
    return mapped(requests.execute(put, EVENT));
  }

  private Optional<ExternalEvent> mapOrSkip(Event item) {
    try {
      return Optional.of(mapper.toExternal(item));
    } catch (UnmappableEvent e) {
      LOG.warn("provider {}: skipping Google event {}: {}", providerKey, item.getId(), e.getMessage());
      return Optional.empty();
    }
  }

  /** An event read on its own that cannot be mapped fails that event only, never reads as absent (a deletion). */
  private ExternalEvent mapped(Event event) throws VendorException {
    try {
      return mapper.toExternal(event);
    } catch (UnmappableEvent e) {
      throw new VendorException(REJECTED, "Google event " + event.getId() + " cannot be mapped: " + e.getMessage());
    }
  }

  private static VendorException noSuchOccurrence(OccurrenceOf occurrence) {
    Object start = occurrence.originalStart() != null ? occurrence.originalStart() : occurrence.originalStartDate();
    return new VendorException(REJECTED, "series " + occurrence.seriesId() + " has no occurrence starting at " + start);
  }

  private static DateTime dateTime(Instant instant) {
    return new DateTime(false, instant.toEpochMilli(), 0);
  }
}
