package io.calendarsync.operator.engine;

import io.calendarsync.api.v1alpha1.ConflictPolicy;
import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.operator.store.EntryKey;
import io.calendarsync.operator.store.EventMapping;
import io.calendarsync.operator.store.MappingStatus;
import io.calendarsync.operator.store.ScheduleEntry;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.OccurrenceOf;
import io.calendarsync.operator.vendor.VendorException;

import java.util.Optional;

import static io.calendarsync.operator.vendor.VendorException.Kind.NOT_FOUND;
import static io.calendarsync.operator.vendor.VendorException.Kind.PRECONDITION_FAILED;
import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;

/**
 * Makes one side of an entry/event pair equal to the other and records the agreement (the mapping) in the same
 * database transaction as any platform write. Both sync directions and conflict resolution go through here, so an
 * agreed pair is always recorded the same way: external version and entry version as of that moment.
 */
final class PairWriter {

  private final SyncRun run;
  private final ConflictReporter reporter;
  private final EventImporter importer;

  PairWriter(SyncRun run, ConflictReporter reporter) {
    this.run = run;
    this.reporter = reporter;
    this.importer = new EventImporter(run, this);
  }

  EventImporter importer() {
    return importer;
  }

  /** Creates the entry's event, or adopts the one a crashed earlier attempt created (same idempotency key). */
  void createExternal(ScheduleEntry entry) throws VendorException {
    Optional<OccurrenceOf> occurrence = Optional.empty();
    if (entry.content().recurrenceOverride() != null) {
      Optional<EventMapping> series = run.lock.inTransaction(tx -> tx.mappings()
          .findByEntry(run.provider, new EntryKey(run.tenant(), entry.content().recurrenceOverride().seriesEntryId())));
      if (series.isEmpty()) {
        // The series reaches the calendar first; its change precedes this one in the log or the next full sync.
        run.skipped();
        return;
      }
      occurrence = ContentConversion.occurrenceOf(entry.content().recurrenceOverride(), series.get().externalEventId());
    }
    ExternalEvent created;
    try {
      created = run.calendar.create(idempotencyKey(entry), ContentConversion.toEvent(entry.content()),
          entry.key().toString(), occurrence);
    } catch (VendorException e) {
      if (e.kind() == REJECTED) {
        // Recorded so it shows and is not retried until the entry changes; every other entry goes on.
        run.lock.inTransaction(tx -> {
          tx.mappings().save(EventMapping.refused(run.provider, entry.key(), entry.version(), e.getMessage()));
          return null;
        });
        run.error();
        return;
      }
      throw e;
    }
    recordSynced(entry, created);
    run.createdExternal();
  }

  /**
   * Writes the entry over its event if the event is still the version last synced. A 412 means the event changed
   * too: it is re-read and either turns out equal (our own earlier write, say before a crash) or is a conflict.
   */
  void updateExternal(ScheduleEntry entry, EventMapping mapping) throws VendorException {
    try {
      ExternalEvent updated = run.calendar.update(mapping.externalEventId(), mapping.externalEtag(),
          ContentConversion.toEvent(entry.content()), entry.key().toString());
      recordSynced(entry, updated);
      run.updatedExternal();
    } catch (VendorException e) {
      if (e.kind() == REJECTED) {
        markError(mapping, e);
      } else if (e.kind() == PRECONDITION_FAILED || e.kind() == NOT_FOUND) {
        Optional<ExternalEvent> current = run.calendar.get(mapping.externalEventId()).filter(ev -> !ev.cancelled());
        if (current.isPresent() && ContentConversion.sameContent(entry.content(), current.get().content())) {
          recordSynced(entry, current.get());
        } else {
          bothChanged(new DetectedConflict(entry.key(), mapping.externalEventId(), Optional.of(entry), current), mapping);
        }
      } else {
        throw e;
      }
    }
  }

  /** Removes the event of an entry that was deleted or unassigned, unless the event changed meanwhile. */
  void deleteExternal(Optional<ScheduleEntry> entry, EventMapping mapping) throws VendorException {
    if (!mapping.hasEvent()) {
      run.lock.inTransaction(tx -> tx.mappings().delete(run.provider, mapping.entry()));
      return;
    }
    try {
      run.calendar.delete(mapping.externalEventId(), mapping.externalEtag());
    } catch (VendorException e) {
      if (e.kind() == REJECTED) {
        markError(mapping, e);
        return;
      }
      if (e.kind() != PRECONDITION_FAILED) {
        throw e;
      }
      Optional<ExternalEvent> current = run.calendar.get(mapping.externalEventId()).filter(ev -> !ev.cancelled());
      bothChanged(new DetectedConflict(mapping.entry(), mapping.externalEventId(), entry, current), mapping);
      return;
    }
    run.lock.inTransaction(tx -> tx.mappings().delete(run.provider, mapping.entry()));
    run.deletedExternal();
  }

  /** Writes the event over its entry if the entry is still the version last synced; a conflict otherwise. */
  void updateInternal(ExternalEvent event, ScheduleEntry entry, EventMapping mapping) throws VendorException {
    var content = ContentConversion.toEntry(event.content(), entry.content().assignees(),
        entry.content().recurrenceOverride());
    Optional<ScheduleEntry> updated = run.lock.inTransaction(tx -> {
      Optional<ScheduleEntry> written = tx.entries().update(entry.key(), content, entry.version(), run.origin);
      written.ifPresent(w -> tx.mappings().save(synced(w, event)));
      return written;
    });
    if (updated.isPresent()) {
      run.updatedInternal();
    } else {
      Optional<ScheduleEntry> current = run.lock.inTransaction(tx -> tx.entries().find(entry.key()));
      bothChanged(new DetectedConflict(entry.key(), event.id(), current, Optional.of(event)), mapping);
    }
  }

  /** Soft-deletes the entry of a deleted event if the entry is still the version last synced. */
  void deleteInternal(ScheduleEntry entry, EventMapping mapping) throws VendorException {
    boolean deleted = run.lock.inTransaction(tx -> {
      boolean done = tx.entries().softDelete(entry.key(), entry.version(), run.origin).isPresent();
      if (done) {
        tx.mappings().delete(run.provider, entry.key());
      }
      return done;
    });
    if (deleted) {
      run.deletedInternal();
    } else {
      Optional<ScheduleEntry> current = run.lock.inTransaction(tx -> tx.entries().find(entry.key()));
      bothChanged(new DetectedConflict(entry.key(), mapping.externalEventId(), current, Optional.empty()), mapping);
    }
  }

  /** Both sides changed: the policy decides, or (Manual) the pair is parked as a conflict for a person. */
  void bothChanged(DetectedConflict conflict, EventMapping mapping) throws VendorException {
    ConflictPolicy policy = run.target.spec().getConflictPolicy();
    Optional<ConflictResolution> decision = ConflictDecider.decide(policy, conflict);
    if (decision.isEmpty()) {
      if (mapping.status() != MappingStatus.CONFLICT) {
        run.lock.inTransaction(tx -> {
          tx.mappings().save(mapping.withStatus(MappingStatus.CONFLICT, null));
          return null;
        });
        reporter.conflictDetected(run.target, conflict);
      }
      run.conflict();
      return;
    }
    apply(conflict, decision.get(), mapping);
    reporter.conflictAutoResolved(run.target, conflict, policy, decision.get());
  }

  /** Makes the losing side equal to the winning one; also how a person's resolution is applied. */
  void apply(DetectedConflict conflict, ConflictResolution keep, EventMapping mapping) throws VendorException {
    EventMapping unparked = mapping.withStatus(MappingStatus.SYNCED, null);
    Optional<ScheduleEntry> internal = conflict.internal().filter(e -> !e.deleted());
    Optional<ExternalEvent> external = conflict.external().filter(e -> !e.cancelled());
    if (keep == ConflictResolution.KeepInternal) {
      if (internal.isEmpty()) {
        deleteExternalUnconditionally(mapping);
      } else if (external.isEmpty()) {
        run.lock.inTransaction(tx -> tx.mappings().delete(run.provider, mapping.entry()));
        createExternal(internal.get());
      } else {
        ExternalEvent written = run.calendar.update(mapping.externalEventId(), external.get().version(),
            ContentConversion.toEvent(internal.get().content()), internal.get().key().toString());
        recordSynced(internal.get(), written);
        run.updatedExternal();
      }
    } else if (external.isEmpty()) {
      run.lock.inTransaction(tx -> {
        internal.ifPresent(entry -> tx.entries().softDelete(entry.key(), entry.version(), run.origin));
        return tx.mappings().delete(run.provider, mapping.entry());
      });
      if (internal.isPresent()) {
        run.deletedInternal();
      }
    } else if (internal.isEmpty()) {
      // The entry was deleted on the platform and cannot be revived in place: the event comes back as a new entry.
      run.lock.inTransaction(tx -> tx.mappings().delete(run.provider, mapping.entry()));
      importer.importEvent(external.get());
    } else {
      updateInternal(external.get(), internal.get(), unparked);
    }
  }

  private void deleteExternalUnconditionally(EventMapping mapping) throws VendorException {
    try {
      run.calendar.delete(mapping.externalEventId(), null);
    } catch (VendorException e) {
      if (e.kind() == REJECTED) {
        markError(mapping, e);
        return;
      }
      if (e.kind() != NOT_FOUND) {
        throw e;
      }
    }
    run.lock.inTransaction(tx -> tx.mappings().delete(run.provider, mapping.entry()));
    run.deletedExternal();
  }

  /** The vendor refused this pair's write: recorded with its message, and every other pair goes on. */
  private void markError(EventMapping mapping, VendorException refusal) {
    run.lock.inTransaction(tx -> {
      tx.mappings().save(mapping.withStatus(MappingStatus.ERROR, refusal.getMessage()));
      return null;
    });
    run.error();
  }

  void recordSynced(ScheduleEntry entry, ExternalEvent event) {
    run.lock.inTransaction(tx -> {
      tx.mappings().save(synced(entry, event));
      return null;
    });
  }

  EventMapping synced(ScheduleEntry entry, ExternalEvent event) {
    return EventMapping.synced(run.provider, entry.key(), event.id(), event.version(), entry.version(),
        run.clock.instant());
  }

  /**
   * The same key for the same entry version: a create retried after a crash (the vendor wrote, the database did not
   * commit) finds the event the first attempt made.
   */
  private String idempotencyKey(ScheduleEntry entry) {
    return run.provider + "/" + entry.key() + "/" + entry.version();
  }
}
