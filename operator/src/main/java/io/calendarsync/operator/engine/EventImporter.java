package io.calendarsync.operator.engine;

import io.calendarsync.operator.store.EntryKey;
import io.calendarsync.operator.store.EventMapping;
import io.calendarsync.operator.store.Exdates;
import io.calendarsync.operator.store.NewScheduleEntry;
import io.calendarsync.operator.store.RecurrenceOverride;
import io.calendarsync.operator.store.ScheduleEntry;
import io.calendarsync.operator.store.StoreTransaction;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.VendorException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Handles a calendar event the provider has no mapping for: one this operator wrote (its owner tag names the entry)
 * is adopted, anything else is imported as a new schedule entry assigned to the provider's user.
 */
final class EventImporter {

  private static final int CHUNK = 500;

  private final SyncRun run;
  private final PairWriter writer;

  EventImporter(SyncRun run, PairWriter writer) {
    this.run = run;
    this.writer = writer;
  }

  void adoptOrImport(ExternalEvent event) throws VendorException {
    if (event.cancelled() && event.occurrenceOf().isEmpty()) {
      return;
    }
    if (event.ownerTag().isPresent() && !stampedByItsSeries(event)) {
      adopt(event, event.ownerTag().get());
    } else {
      importEvent(event);
    }
  }

  /**
   * Occurrences carry their series' properties, our owner tag included: an occurrence the user moved or deleted in a
   * series of ours names the series' entry, not an entry of its own, and is a new exception for the platform.
   */
  private boolean stampedByItsSeries(ExternalEvent event) {
    if (event.occurrenceOf().isEmpty()) {
      return false;
    }
    String seriesId = event.occurrenceOf().get().seriesId();
    return run.lock.inTransaction(tx -> tx.mappings().findByExternalId(run.provider, seriesId))
        .filter(series -> series.entry().toString().equals(event.ownerTag().get()))
        .isPresent();
  }

  /**
   * An event stamped with one of our entries: written before a crash, or by an earlier provider of the same name.
   * It becomes that entry's event again instead of a copy; if the entry moved on meanwhile, the entry is written out.
   */
  private void adopt(ExternalEvent event, String ownerTag) throws VendorException {
    Optional<EntryKey> key = parseTag(ownerTag).filter(k -> k.tenant().equals(run.tenant()));
    Optional<ScheduleEntry> entry = key.flatMap(k -> run.lock.inTransaction(tx -> tx.entries().find(k)))
        .filter(e -> !e.deleted());
    boolean alreadyMapped = key.isPresent()
        && run.lock.inTransaction(tx -> tx.mappings().findByEntry(run.provider, key.get())).isPresent();
    if (entry.isEmpty() || alreadyMapped) {
      run.skipped();
      return;
    }
    EventMapping adopted = writer.synced(entry.get(), event);
    if (ContentConversion.sameContent(entry.get().content(), event.content())) {
      writer.recordSynced(entry.get(), event);
    } else {
      writer.updateExternal(entry.get(), new EventMapping(adopted.provider(), adopted.entry(), adopted.externalEventId(),
          adopted.externalEtag(), null, adopted.status(), null, adopted.lastSyncedAt()));
    }
  }

  /** True for an event that is simply new to the platform: not ours, not an exception, not a deletion. */
  static boolean isPlainImport(ExternalEvent event) {
    return event.ownerTag().isEmpty() && event.occurrenceOf().isEmpty() && !event.cancelled();
  }

  /** Imports the event as a new entry; the entry id is derived from the event, so a retried import finds its row. */
  void importEvent(ExternalEvent event) {
    RecurrenceOverride override = null;
    if (event.occurrenceOf().isPresent()) {
      var occurrence = event.occurrenceOf().get();
      Optional<EventMapping> series = run.lock.inTransaction(tx ->
          tx.mappings().findByExternalId(run.provider, occurrence.seriesId()));
      if (series.isEmpty()) {
        run.skipped();
        return;
      }
      override = ContentConversion.override(occurrence, series.get().entry().entryId());
      if (event.cancelled() && alreadyCancelled(series.get().entry(), override)) {
        return;
      }
    }
    RecurrenceOverride seriesOverride = override;
    run.lock.inTransaction(tx -> {
      insert(tx, List.of(event), seriesOverride);
      return null;
    });
  }

  /**
   * Whether the platform already holds this occurrence cancelled, or holds an exception for it that the calendar's
   * cancellation must not silently replace. Graph keeps an occurrence removed by the series' own EXDATE lines as
   * deleted, exactly like one the person deleted, so those come back as cancelled occurrences and change nothing;
   * an exception still there (a conflict parked it) stays as it is.
   */
  private boolean alreadyCancelled(EntryKey seriesKey, RecurrenceOverride occurrence) {
    return run.lock.inTransaction(tx -> tx.entries().find(seriesKey)
        .filter(series -> Exdates.excludes(series.content(), occurrence)).isPresent()
        || tx.entries().findException(seriesKey.tenant(), occurrence).isPresent());
  }

  /**
   * Imports plain new events in chunks, each in one transaction of three statements (origin, entries, mappings): a
   * first sync of a full calendar costs a few round trips per chunk rather than a few per event.
   */
  void importAll(List<ExternalEvent> events) {
    // One row per event id, so no statement touches a row twice.
    List<ExternalEvent> distinct = List.copyOf(events.stream()
        .collect(Collectors.toMap(ExternalEvent::id, e -> e, (first, last) -> last, LinkedHashMap::new)).values());
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      List<ExternalEvent> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
      run.lock.inTransaction(tx -> {
        insert(tx, chunk, null);
        return null;
      });
    }
  }

  /**
   * Inserts the events' entries and their mappings in the caller's transaction, so a mapping commits if and only if
   * its entry does. An entry that exists already (a retried import) is mapped as it is.
   */
  private void insert(StoreTransaction tx, List<ExternalEvent> events, RecurrenceOverride override) {
    Map<EntryKey, ExternalEvent> byKey = new LinkedHashMap<>();
    List<NewScheduleEntry> rows = new ArrayList<>();
    for (ExternalEvent event : events) {
      EntryKey key = new EntryKey(run.tenant(), importedEntryId(event.id()));
      byKey.put(key, event);
      rows.add(new NewScheduleEntry(key, ContentConversion.toEntry(event.content(), List.of(run.userId()), override)));
    }
    Map<EntryKey, ScheduleEntry> inserted = new HashMap<>();
    tx.entries().insertAll(rows, run.origin).forEach(entry -> inserted.put(entry.key(), entry));
    List<EventMapping> mappings = new ArrayList<>();
    byKey.forEach((key, event) -> {
      ScheduleEntry entry = inserted.containsKey(key) ? inserted.get(key) : tx.entries().find(key).orElseThrow();
      mappings.add(writer.synced(entry, event));
    });
    tx.mappings().saveAll(mappings);
    run.createdInternal(inserted.size());
  }

  private String importedEntryId(String externalId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((run.provider + "/" + externalId).getBytes(StandardCharsets.UTF_8));
      return "ext-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static Optional<EntryKey> parseTag(String tag) {
    int slash = tag.indexOf('/');
    if (slash <= 0 || slash == tag.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new EntryKey(tag.substring(0, slash), tag.substring(slash + 1)));
  }
}
