package io.calendarsync.operator.engine;

import io.calendarsync.operator.store.EventMapping;
import io.calendarsync.operator.store.MappingStatus;
import io.calendarsync.operator.store.ScheduleEntry;
import io.calendarsync.operator.store.StoreTransaction;
import io.calendarsync.operator.vendor.ChangeSet;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.HeldVersions;
import io.calendarsync.operator.vendor.VendorException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.calendarsync.operator.vendor.VendorException.Kind.CURSOR_EXPIRED;

/**
 * Calendar to platform: reads what changed since the stored sync token / delta link and applies it to the schedule,
 * tagging each write with the provider as origin (so it is not pushed back to the same calendar). An event whose
 * version equals the one recorded at our last write is our own echo and changes nothing.
 */
final class InboundPass {

  private static final int LOOKUP_CHUNK = 1000;

  private final SyncRun run;
  private final PairWriter writer;

  InboundPass(SyncRun run, PairWriter writer) {
    this.run = run;
    this.writer = writer;
  }

  /** Applies the changes since {@code cursor} and returns (and stores) the cursor that follows them. */
  String run(Optional<String> cursor) throws VendorException {
    HeldVersions held = new HeldVersions() {
      @Override
      public Map<String, String> of(Collection<String> ids) {
        Map<String, String> versions = new HashMap<>();
        run.lock.inTransaction(tx -> tx.mappings().findByExternalIds(run.provider, ids))
            .forEach((id, mapping) -> versions.put(id, mapping.externalEtag()));
        return versions;
      }

      @Override
      public List<String> series() {
        return run.lock.inTransaction(tx -> tx.mappings().findSeriesEventIds(run.provider));
      }
    };
    ChangeSet changes;
    try {
      changes = run.calendar.changesSince(cursor, run.window, held);
    } catch (VendorException e) {
      if (e.kind() != CURSOR_EXPIRED) {
        throw e;
      }
      // The vendor forgot the cursor: list the window again. Mappings and owner tags keep this free of duplicates.
      changes = run.calendar.changesSince(Optional.empty(), run.window, held);
    }
    run.skipped(changes.skipped());
    Set<String> seen = new HashSet<>();
    // Series before their exceptions, so an exception finds its series' mapping; removals before exceptions, so an
    // exception deleted in the calendar is gone before its occurrence comes back cancelled.
    Map<Boolean, List<ExternalEvent>> byKind = changes.changed().stream()
        .collect(Collectors.partitioningBy(e -> e.occurrenceOf().isPresent()));
    apply(byKind.get(false), seen);
    for (String removed : changes.removedIds()) {
      seen.add(removed);
      checkGone(removed);
    }
    apply(byKind.get(true), seen);
    if (changes.fullListing()) {
      List<EventMapping> unseen = run.lock.inTransaction(tx -> tx.mappings().findByProvider(run.provider)).stream()
          .filter(m -> m.hasEvent() && !seen.contains(m.externalEventId()))
          .toList();
      for (EventMapping mapping : unseen) {
        checkGone(mapping.externalEventId());
      }
    }
    String next = changes.nextCursor();
    run.lock.inTransaction((StoreTransaction tx) -> {
      tx.syncState().saveExternalSyncToken(run.provider, next);
      return null;
    });
    return next;
  }

  private void apply(List<ExternalEvent> events, Set<String> seen) throws VendorException {
    Map<String, EventMapping> mappings = new HashMap<>();
    for (int from = 0; from < events.size(); from += LOOKUP_CHUNK) {
      List<String> ids = events.subList(from, Math.min(events.size(), from + LOOKUP_CHUNK)).stream()
          .map(ExternalEvent::id).toList();
      mappings.putAll(run.lock.inTransaction(tx -> tx.mappings().findByExternalIds(run.provider, ids)));
    }
    List<ExternalEvent> newEvents = new ArrayList<>();
    for (ExternalEvent event : events) {
      seen.add(event.id());
      EventMapping mapping = mappings.get(event.id());
      if (mapping != null) {
        apply(mapping, event.cancelled() && event.occurrenceOf().isEmpty() ? Optional.empty() : Optional.of(event));
      } else if (EventImporter.isPlainImport(event)) {
        newEvents.add(event);
      } else {
        writer.importer().adoptOrImport(event);
      }
    }
    writer.importer().importAll(newEvents);
  }

  /**
   * An event reported removed, or missing from a full listing: only a deletion if the vendor no longer has it (Graph
   * also reports events that merely left the window).
   */
  private void checkGone(String externalId) throws VendorException {
    Optional<EventMapping> mapping = run.lock.inTransaction(tx -> tx.mappings().findByExternalId(run.provider, externalId));
    if (mapping.isEmpty()) {
      return;
    }
    Optional<ExternalEvent> current = run.calendar.get(externalId);
    if (current.isPresent() && !(current.get().cancelled() && current.get().occurrenceOf().isEmpty())) {
      return;
    }
    apply(mapping.get(), Optional.empty());
  }

  /** Applies the event's current state ({@code empty}: deleted) to the entry it is mapped to. */
  private void apply(EventMapping mapping, Optional<ExternalEvent> event) throws VendorException {
    if (event.isPresent() && Objects.equals(event.get().version(), mapping.externalEtag())) {
      return;
    }
    Optional<ScheduleEntry> entry = run.lock.inTransaction(tx -> tx.entries().find(mapping.entry()));
    if (entry.isEmpty()) {
      run.lock.inTransaction(tx -> tx.mappings().delete(run.provider, mapping.entry()));
      return;
    }
    boolean entryChanged = entry.get().deleted()
        || !Objects.equals(entry.get().version(), mapping.syncedEntryVersion())
        || mapping.status() == MappingStatus.CONFLICT;
    if (entryChanged) {
      writer.bothChanged(new DetectedConflict(mapping.entry(), mapping.externalEventId(), entry, event), mapping);
    } else if (event.isEmpty()) {
      writer.deleteInternal(entry.get(), mapping);
    } else if (ContentConversion.sameContent(entry.get().content(), event.get().content())) {
      writer.recordSynced(entry.get(), event.get());
    } else {
      writer.updateInternal(event.get(), entry.get(), mapping);
    }
  }
}
