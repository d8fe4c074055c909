package io.calendarsync.operator.vendor.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventCollectionResponse;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.calendars.item.CalendarItemRequestBuilder;
import com.microsoft.graph.users.item.events.item.EventItemRequestBuilder;
import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.store.EntryTiming;
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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.calendarsync.operator.vendor.VendorException.Kind.NOT_FOUND;
import static io.calendarsync.operator.vendor.VendorException.Kind.PRECONDITION_FAILED;
import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;
import static io.calendarsync.operator.vendor.VendorException.Kind.UNAVAILABLE;
import static io.calendarsync.operator.vendor.microsoft.GraphErrors.Addressed.CALENDAR;
import static io.calendarsync.operator.vendor.microsoft.GraphErrors.Addressed.EVENT;

/**
 * One provider's Outlook calendar during one sync, through Graph v1.0: the calendar the provider names (creates and
 * delta rounds go to {@code /me/calendars/{id}}), its events by their mailbox-wide ids under {@code /me/events}.
 *
 * <p>No invitations: this operator never adds attendees, and Graph has no way to change or delete a meeting without
 * notifying its attendees (unlike Google's {@code sendUpdates=none}). So a meeting we organize that has attendees
 * (the user added them) is refused for writes with REJECTED and a message saying why.
 *
 * <p>Cancelling is deleting in Outlook: a series' deleted occurrences are its EXDATEs, and a cancelled single event or
 * occurrence written by the engine is answered with a {@link Tombstones tombstone} id.
 */
final class OutlookCalendar implements ExternalCalendar {

  /** Open-ended series are checked for deleted occurrences this far ahead of now. */
  static final Duration OPEN_SERIES_HORIZON = Duration.ofDays(2 * 365);
  /** How far from its original day a moved occurrence is still recognised as present, not deleted. */
  private static final Duration MOVED_OCCURRENCE_REACH = Duration.ofDays(31);
  private static final Logger LOG = LoggerFactory.getLogger(OutlookCalendar.class);

  private final GraphServiceClient graph;
  private final GraphRequests requests;
  private final String calendarId;
  private final GraphEventMapper mapper;
  private final Clock clock;
  private final String providerKey;

  OutlookCalendar(GraphServiceClient graph, GraphRequests requests, String calendarId, GraphEventMapper mapper,
      Clock clock, String providerKey) {
    this.graph = graph;
    this.requests = requests;
    this.calendarId = calendarId;
    this.mapper = mapper;
    this.clock = clock;
    this.providerKey = providerKey;
  }

  /**
   * A calendarView delta round over the window: without a cursor the window's instances, with one what changed since
   * (anything that left the window, deleted or moved away, comes as {@code @removed}). Delta returns instances, not
   * series: a changed occurrence stands for its series, which is read once and reported as the master with its rule;
   * exceptions and cancelled occurrences are reported as occurrences of it, and so are the series' deleted
   * occurrences, as cancelled ones. An occurrence deleted in Outlook comes only as an {@code @removed} id no mapping
   * names, so such an id makes the round read every series the engine holds.
   *
   * <p>Delta rounds carry no extended properties (Graph does not {@code $expand} on delta), so the payload lacks our
   * stamp: the owner tag that makes adoption possible and the IANA zone. A full listing therefore reads the window's
   * instances once more through {@code calendarView} with the stamp expanded, a page per hundred events; an
   * incremental round reads by id only the events the engine does not already hold at the reported change key (our
   * own writes coming back cost nothing). Events that cannot be mapped are logged, counted and left out.
   */
  @Override
  public ChangeSet changesSince(Optional<String> cursor, TimeWindow window, HeldVersions held)
      throws VendorException {
    Set<String> removed = new LinkedHashSet<>();
    Set<String> series = new LinkedHashSet<>();
    Map<String, String> individual = new LinkedHashMap<>();
    DeltaPage page = requests.execute(CALENDAR, common -> cursor.isPresent()
        ? DeltaPage.get(graph.getRequestAdapter(), calendar().calendarView().delta().withUrl(cursor.get()),
            common::accept)
        : DeltaPage.get(graph.getRequestAdapter(), calendar().calendarView().delta(), config -> {
          common.accept(config);
          config.queryParameters.startDateTime = window.start().toString();
          config.queryParameters.endDateTime = window.end().toString();
        }));
    while (true) {
      for (DeltaPage.Item item : page.items()) {
        sort(item, removed, series, individual);
      }
      String next = page.nextLink();
      if (next == null) {
        break;
      }
      page = requests.execute(CALENDAR, common -> DeltaPage.get(graph.getRequestAdapter(),
          calendar().calendarView().delta().withUrl(next), common::accept));
    }
    if (page.deltaLink() == null) {
      throw new VendorException(UNAVAILABLE, "Microsoft Graph ended the delta round without a delta link");
    }
    Map<String, Listed> listed = cursor.isEmpty() ? stampedInstances(window) : Map.of();
    Map<String, String> heldVersions = Map.of();
    if (cursor.isPresent()) {
      Set<String> asked = new HashSet<>(individual.keySet());
      asked.addAll(removed);
      heldVersions = held.of(asked);
      if (!heldVersions.keySet().containsAll(removed)) {
        // An id no mapping names left the window: maybe an occurrence deleted in Outlook, which Graph reports by its
        // id alone. The series we hold are read again; their deleted occurrences follow as cancelled ones.
        series.addAll(held.series());
      }
    }
    List<ExternalEvent> changed = new ArrayList<>();
    int skipped = 0;
    for (String id : series) {
      try {
        Optional<Event> master = fetch(id);
        if (master.isPresent()) {
          changed.addAll(seriesWithCancellations(master.get(), window));
        } else {
          removed.add(id);
        }
      } catch (VendorException e) {
        skipped += skip(id, e);
      }
    }
    for (Map.Entry<String, String> reported : individual.entrySet()) {
      String id = reported.getKey();
      String heldVersion = heldVersions.get(id);
      if (reported.getValue() != null && heldVersion != null
          && reported.getValue().equals(EventVersion.changeKeyOf(heldVersion))) {
        continue;
      }
      try {
        Listed instance = listed.get(id);
        Optional<ExternalEvent> event = instance != null && instance.event().type() != EventType.SeriesMaster
            ? Optional.of(mapper.toExternal(instance.event(), instance.stamp(), List.of())) : read(id);
        if (event.isPresent()) {
          changed.add(event.get());
        } else {
          removed.add(id);
        }
      } catch (VendorException e) {
        skipped += skip(id, e);
      }
    }
    return new ChangeSet(changed, List.copyOf(removed), page.deltaLink(), cursor.isEmpty(), skipped);
  }

  /** An event of a listing, with our stamp. */
  private record Listed(EventFields event, Stamp stamp) {}

  /**
   * The window's instances as {@code calendarView} lists them, with our stamp, by id; all pages. Read from the JSON
   * as the fields the mapping needs, not as SDK models (a listing holds no series masters, whose pattern needs them).
   */
  private Map<String, Listed> stampedInstances(TimeWindow window) throws VendorException {
    Map<String, Listed> byId = new HashMap<>();
    Optional<String> next = requests.execute(CALENDAR, common -> collect(GraphJson.get(graph.getRequestAdapter(),
        calendar().calendarView().toGetRequestInformation(config -> {
          common.accept(config);
          config.queryParameters.startDateTime = window.start().toString();
          config.queryParameters.endDateTime = window.end().toString();
          config.queryParameters.expand = new String[] {Stamp.EXPAND};
        })), byId));
    while (next.isPresent()) {
      String page = next.get();
      next = requests.execute(CALENDAR, common -> collect(GraphJson.get(graph.getRequestAdapter(),
          calendar().calendarView().withUrl(page).toGetRequestInformation(common::accept)), byId));
    }
    return byId;
  }

  /** Files a listing page's events by id (a retried page files them again); the next page's link, if any. */
  private static Optional<String> collect(JsonNode page, Map<String, Listed> byId) {
    for (JsonNode event : page.path("value")) {
      EventFields fields = EventFields.of(event);
      byId.put(fields.id(), new Listed(fields, Stamp.of(event)));
    }
    return Optional.ofNullable(page.path("@odata.nextLink").asText(null));
  }

  @Override
  public Optional<ExternalEvent> get(String id) throws VendorException {
    if (Tombstones.isTombstone(id)) {
      Optional<OccurrenceOf> occurrence = Tombstones.occurrence(id);
      return occurrence.isPresent() ? cancelledOccurrence(occurrence.get()) : Optional.empty();
    }
    return read(id);
  }

  /**
   * Creates with a {@code transactionId} derived from the idempotency key, so Graph answers a repeated create with the
   * event the first one made. A series is created, then the occurrences its EXDATEs exclude are deleted.
   */
  @Override
  public ExternalEvent create(String idempotencyKey, EventContent content, String ownerTag,
      Optional<OccurrenceOf> occurrenceOf) throws VendorException {
    if (occurrenceOf.isPresent()) {
      return writeOccurrence(occurrenceOf.get(), content, ownerTag);
    }
    String transactionId = UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)).toString();
    if (content.status() == EntryStatus.CANCELLED) {
      return tombstone(Tombstones.ofSingleEvent(transactionId), content, Optional.empty(), ownerTag);
    }
    return createEvent(transactionId, content, ownerTag);
  }

  /**
   * One PATCH of the fields the engine owns with {@code If-Match} on the held change key: what else decides the write
   * (a meeting is refused, a series stays one, the user's free/busy display and privacy are kept) is carried in the
   * held {@link EventVersion}, and a 412 covers any change since. The event is read first only to cancel it (its
   * series and original start name the tombstone) or when the held version predates those facts.
   */
  @Override
  public ExternalEvent update(String id, String ifMatchVersion, EventContent content, String ownerTag)
      throws VendorException {
    if (Tombstones.isTombstone(id)) {
      return rewriteTombstone(id, content, ownerTag);
    }
    Optional<EventVersion> held = EventVersion.parse(ifMatchVersion);
    if (content.status() == EntryStatus.CANCELLED || held.isEmpty()) {
      return readThenUpdate(id, ifMatchVersion, content, ownerTag);
    }
    refuseMeeting(id, held.get());
    return patchHeld(id, held.get(), content, ownerTag);
  }

  private ExternalEvent readThenUpdate(String id, String ifMatchVersion, EventContent content, String ownerTag)
      throws VendorException {
    Event current = fetch(id).orElseThrow(() -> new VendorException(NOT_FOUND, "Graph event " + id + " does not exist"));
    requireVersion(current, ifMatchVersion);
    EventVersion shown = EventVersion.from(current);
    refuseMeeting(id, shown);
    if (content.status() == EntryStatus.CANCELLED) {
      deleteEvent(id, ifMatchVersion);
      Optional<OccurrenceOf> occurrence = mapper.originalStart(current, Stamp.of(current))
          .filter(start -> current.getSeriesMasterId() != null)
          .map(start -> start.of(current.getSeriesMasterId()));
      return tombstone(occurrence.map(Tombstones::ofOccurrence).orElse(id), content, occurrence, ownerTag);
    }
    return patchHeld(id, shown, content, ownerTag);
  }

  private ExternalEvent patchHeld(String id, EventVersion held, EventContent content, String ownerTag)
      throws VendorException {
    if (held.series() && content.recurrence().isEmpty()) {
      throw new VendorException(REJECTED, "Outlook cannot turn series " + id + " into a single event");
    }
    Event written = patch(id, Optional.of(held.changeKey()), content, ownerTag, held);
    if (written.getType() == EventType.SeriesMaster) {
      deleteExcludedOccurrences(id, content);
      return read(id).orElseThrow(() -> new VendorException(NOT_FOUND, "Graph series " + id + " is gone"));
    }
    return mapper.toExternal(written, Stamp.written(ownerTag, content.timeZone()), List.of());
  }

  /** One DELETE with If-Match when the held version says the event is no meeting; an already deleted one counts. */
  @Override
  public void delete(String id, String ifMatchVersion) throws VendorException {
    if (Tombstones.isTombstone(id)) {
      return;
    }
    Optional<EventVersion> held = ifMatchVersion != null ? EventVersion.parse(ifMatchVersion) : Optional.empty();
    if (held.isPresent()) {
      refuseMeeting(id, held.get());
      deleteEvent(id, ifMatchVersion);
      return;
    }
    Optional<Event> current = fetch(id);
    if (current.isEmpty()) {
      return;
    }
    if (ifMatchVersion != null) {
      requireVersion(current.get(), ifMatchVersion);
    }
    refuseMeeting(id, EventVersion.from(current.get()));
    deleteEvent(id, ifMatchVersion);
  }

  private ExternalEvent createEvent(String transactionId, EventContent content, String ownerTag)
      throws VendorException {
    Stamp stamp = Stamp.written(ownerTag, content.timeZone());
    Event created = requests.execute(CALENDAR, common -> {
      Event event = mapper.write(content, stamp, Optional.empty());
      event.setTransactionId(transactionId);
      return calendar().events().post(event, common::accept);
    });
    if (created.getType() == EventType.SeriesMaster) {
      deleteExcludedOccurrences(created.getId(), content);
      return read(created.getId()).orElseThrow(() ->
          new VendorException(NOT_FOUND, "Graph series " + created.getId() + " vanished right after its creation"));
    }
    return mapper.toExternal(created, stamp, List.of());
  }

  /**
   * Graph makes an exception by changing an occurrence, and cancels one by deleting it. The occurrence is found by
   * its original start among the series' instances; a repeated write finds the exception the first one made.
   */
  private ExternalEvent writeOccurrence(OccurrenceOf occurrence, EventContent content, String ownerTag)
      throws VendorException {
    Optional<Event> instance = findOccurrence(occurrence.seriesId(), OriginalStart.of(occurrence));
    if (instance.isPresent()) {
      refuseMeeting(instance.get().getId(), EventVersion.from(instance.get()));
    }
    if (content.status() == EntryStatus.CANCELLED) {
      if (instance.isPresent()) {
        deleteEvent(instance.get().getId(), null);
      }
      return tombstone(Tombstones.ofOccurrence(occurrence), content, Optional.of(occurrence), ownerTag);
    }
    Event target = instance.orElseThrow(() -> new VendorException(REJECTED, "series " + occurrence.seriesId()
        + " has no occurrence starting at " + OriginalStart.of(occurrence) + " (deleted, or moved away)"));
    Event written = patch(target.getId(), Optional.empty(), content, ownerTag, EventVersion.from(target));
    return mapper.toExternal(written, Stamp.written(ownerTag, content.timeZone()), List.of());
  }

  /** A tombstone cannot come back to life in Outlook, except a single event, which is simply created now. */
  private ExternalEvent rewriteTombstone(String id, EventContent content, String ownerTag) throws VendorException {
    Optional<OccurrenceOf> occurrence = Tombstones.occurrence(id);
    if (content.status() == EntryStatus.CANCELLED) {
      return tombstone(id, content, occurrence, ownerTag);
    }
    if (occurrence.isPresent()) {
      throw new VendorException(REJECTED, "Outlook cannot restore the deleted occurrence of series "
          + occurrence.get().seriesId() + " at " + OriginalStart.of(occurrence.get()));
    }
    return createEvent(Tombstones.singleEvent(id).orElseThrow(), content, ownerTag);
  }

  private Event patch(String id, Optional<String> ifMatch, EventContent content, String ownerTag,
      EventVersion current) throws VendorException {
    Stamp stamp = Stamp.written(ownerTag, content.timeZone());
    return requests.execute(EVENT, common -> item(id).patch(mapper.write(content, stamp, Optional.of(current)),
        config -> {
      common.accept(config);
      ifMatch.ifPresent(version -> config.headers.add("If-Match", etag(version)));
    }));
  }

  /** A 404 counts as deleted: the goal is reached. */
  private void deleteEvent(String id, String ifMatch) throws VendorException {
    requests.executeUnlessMissing(EVENT, common -> {
      item(id).delete(config -> {
        common.accept(config);
        if (ifMatch != null) {
          config.headers.add("If-Match", etag(ifMatch));
        }
      });
      return Boolean.TRUE;
    });
  }

  /** Deletes the occurrences the series' EXDATEs exclude that it still has; a deleted one cannot be brought back. */
  private void deleteExcludedOccurrences(String seriesId, EventContent content) throws VendorException {
    boolean allDay = content.timing() instanceof EntryTiming.AllDay;
    for (OriginalStart excluded : SeriesLines.parse(content.recurrence(), content.timeZone(), allDay).excluded()) {
      Optional<Event> instance = findOccurrence(seriesId, excluded);
      if (instance.isPresent()) {
        deleteEvent(instance.get().getId(), null);
      }
    }
  }

  private Optional<Event> findOccurrence(String seriesId, OriginalStart start) throws VendorException {
    Optional<List<Event>> instances = instances(seriesId, start.searchFrom(), start.searchTo());
    if (instances.isEmpty()) {
      throw new VendorException(REJECTED, "series " + seriesId + " does not exist");
    }
    return instances.get().stream()
        .filter(instance -> mapper.originalStart(instance, Stamp.NONE).filter(start::equals).isPresent())
        .findFirst();
  }

  /** The series' occurrences and exceptions between two instants, all pages; empty when the series is gone. */
  private Optional<List<Event>> instances(String seriesId, Instant from, Instant to) throws VendorException {
    Optional<EventCollectionResponse> page = requests.executeUnlessMissing(EVENT, common ->
        item(seriesId).instances().get(config -> {
          common.accept(config);
          config.queryParameters.startDateTime = from.toString();
          config.queryParameters.endDateTime = to.toString();
        }));
    if (page.isEmpty()) {
      return Optional.empty();
    }
    List<Event> instances = new ArrayList<>();
    EventCollectionResponse current = page.get();
    while (true) {
      instances.addAll(current.getValue() != null ? current.getValue() : List.of());
      String next = current.getOdataNextLink();
      if (next == null) {
        return Optional.of(instances);
      }
      current = requests.execute(EVENT, common -> item(seriesId).instances().withUrl(next).get(common::accept));
    }
  }

  private Optional<ExternalEvent> read(String id) throws VendorException {
    Optional<Event> event = fetch(id);
    return event.isPresent() ? Optional.of(external(event.get())) : Optional.empty();
  }

  /** An event that cannot be mapped is logged and skipped (counts 1); any other failure fails the listing. */
  private int skip(String id, VendorException failure) throws VendorException {
    if (failure.kind() != REJECTED) {
      throw failure;
    }
    LOG.warn("provider {}: skipping Graph event {}: {}", providerKey, id, failure.getMessage());
    return 1;
  }

  private Optional<Event> fetch(String id) throws VendorException {
    return requests.executeUnlessMissing(EVENT, common -> item(id).get(config -> {
      common.accept(config);
      config.queryParameters.expand = new String[] {Stamp.EXPAND};
    }));
  }

  private ExternalEvent external(Event event) throws VendorException {
    Stamp stamp = Stamp.of(event);
    List<OriginalStart> deleted = event.getType() == EventType.SeriesMaster ? deletedOccurrences(event, stamp)
        : List.of();
    return mapper.toExternal(event, stamp, deleted);
  }

  /**
   * A series as the port sees it, followed by its deleted occurrences in the window as cancelled occurrences, as
   * Google reports them: named by {@link Tombstones#ofOccurrence tombstone} ids, so one the engine cancelled itself
   * is recognised by its mapping, and one the person deleted in Outlook is new to it.
   */
  private List<ExternalEvent> seriesWithCancellations(Event master, TimeWindow window) throws VendorException {
    if (master.getType() != EventType.SeriesMaster) {
      return List.of(external(master));
    }
    Stamp stamp = Stamp.of(master);
    List<OriginalStart> deleted = deletedOccurrences(master, stamp);
    ExternalEvent series = mapper.toExternal(master, stamp, deleted);
    List<ExternalEvent> events = new ArrayList<>();
    events.add(series);
    for (OriginalStart start : deleted) {
      ExternalEvent cancelled = cancelledAt(series, start);
      EntryTiming timing = cancelled.content().timing();
      Instant begins = timing instanceof EntryTiming.Timed timed ? timed.start()
          : ((EntryTiming.AllDay) timing).startDate().atStartOfDay(series.content().timeZone()).toInstant();
      if (window.contains(begins)) {
        events.add(cancelled);
      }
    }
    return events;
  }

  /** The occurrences the rule gives that Graph no longer has (deleted in Outlook or by an EXDATE of ours). */
  private List<OriginalStart> deletedOccurrences(Event master, Stamp stamp) throws VendorException {
    List<OriginalStart> expected = mapper.expectedOccurrences(master, stamp, clock.instant().plus(OPEN_SERIES_HORIZON));
    if (expected.isEmpty()) {
      return List.of();
    }
    Instant from = expected.get(0).searchFrom().minus(MOVED_OCCURRENCE_REACH);
    Instant to = expected.get(expected.size() - 1).searchTo().plus(MOVED_OCCURRENCE_REACH);
    Set<OriginalStart> present = new HashSet<>();
    for (Event instance : instances(master.getId(), from, to).orElse(List.of())) {
      mapper.originalStart(instance, stamp).ifPresent(present::add);
    }
    return expected.stream().filter(start -> !present.contains(start)).toList();
  }

  /**
   * A cancelled occurrence as it stands: gone with its series, live again if the series has it once more (its
   * times changed), else still cancelled, described by its series at its original time.
   */
  private Optional<ExternalEvent> cancelledOccurrence(OccurrenceOf occurrence) throws VendorException {
    Optional<Event> master = fetch(occurrence.seriesId());
    if (master.isEmpty()) {
      return Optional.empty();
    }
    OriginalStart start = OriginalStart.of(occurrence);
    Optional<Event> instance = findOccurrence(occurrence.seriesId(), start);
    if (instance.isPresent()) {
      return read(instance.get().getId());
    }
    return Optional.of(cancelledAt(mapper.toExternal(master.get(), Stamp.of(master.get()), List.of()), start));
  }

  /** The occurrence of {@code series} that originally started at {@code start}, cancelled, named by its tombstone. */
  private static ExternalEvent cancelledAt(ExternalEvent series, OriginalStart start) {
    EventContent content = series.content();
    EventContent cancelled = new EventContent(content.title(), content.description(), content.location(),
        timingAt(content.timing(), start), content.timeZone(), List.of(), EntryStatus.CANCELLED,
        content.privateEvent());
    OccurrenceOf occurrence = start.of(series.id());
    String id = Tombstones.ofOccurrence(occurrence);
    return new ExternalEvent(id, id, series.lastModified(), cancelled, Optional.of(occurrence), series.ownerTag(),
        true);
  }

  /** The timing of the occurrence that originally started at {@code start}: the series' length from there. */
  private static EntryTiming timingAt(EntryTiming series, OriginalStart start) {
    if (series instanceof EntryTiming.Timed timed) {
      return new EntryTiming.Timed(start.time(), start.time().plus(Duration.between(timed.start(), timed.end())));
    }
    EntryTiming.AllDay days = (EntryTiming.AllDay) series;
    return new EntryTiming.AllDay(start.date(), start.date().plus(Period.between(days.startDate(), days.endDate())));
  }

  /** What a cancelled write leaves: nothing in Outlook, so the answer names what was cancelled. */
  private ExternalEvent tombstone(String id, EventContent content, Optional<OccurrenceOf> occurrence,
      String ownerTag) {
    return new ExternalEvent(id, id, clock.instant(), content, occurrence, Optional.of(ownerTag), true);
  }

  private static void requireVersion(Event current, String ifMatchVersion) throws VendorException {
    if (!EventVersion.changeKeyOf(ifMatchVersion).equals(current.getChangeKey())) {
      throw new VendorException(PRECONDITION_FAILED,
          "Graph event " + current.getId() + " changed since the version the engine holds");
    }
  }

  private static void refuseMeeting(String id, EventVersion event) throws VendorException {
    if (event.meeting()) {
      throw new VendorException(REJECTED, "Graph event " + id + " is a meeting with attendees: Outlook would send"
          + " them an update, so it is left for its organizer to change in Outlook");
    }
  }

  /** Graph compares If-Match with the event's {@code @odata.etag}, which quotes the change key. */
  private static String etag(String version) {
    return "W/\"" + EventVersion.changeKeyOf(version) + "\"";
  }

  /** Files a delta item as removed, as (standing for) a series, or as an individual event with its change key. */
  private static void sort(DeltaPage.Item item, Set<String> removed, Set<String> series,
      Map<String, String> individual) {
    if (item.removed()) {
      removed.add(item.id());
      return;
    }
    switch (item.type()) {
      case "seriesMaster" -> series.add(item.id());
      case "occurrence" -> {
        series.add(item.seriesMasterId());
        if (item.cancelled()) {
          individual.put(item.id(), item.changeKey());
        }
      }
      case "exception" -> {
        series.add(item.seriesMasterId());
        individual.put(item.id(), item.changeKey());
      }
      default -> individual.put(item.id(), item.changeKey());
    }
  }

  private CalendarItemRequestBuilder calendar() {
    return graph.me().calendars().byCalendarId(calendarId);
  }

  private EventItemRequestBuilder item(String id) {
    return graph.me().events().byEventId(id);
  }
}
