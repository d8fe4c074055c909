package io.calendarsync.operator.engine;

import io.calendarsync.operator.store.ChangeBatch;
import io.calendarsync.operator.store.ChangeLogPosition;
import io.calendarsync.operator.store.EntryKey;
import io.calendarsync.operator.store.EventMapping;
import io.calendarsync.operator.store.MappingStatus;
import io.calendarsync.operator.store.ScheduleChange;
import io.calendarsync.operator.store.ScheduleEntry;
import io.calendarsync.operator.store.Store;
import io.calendarsync.operator.vendor.VendorException;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Platform to calendar: the first sync exports every assigned entry of the window; later syncs follow the change log
 * past the provider's watermark. The watermark moves only after a change's vendor write and mapping are committed,
 * so a crash replays the change, and idempotent creates and If-Match updates make the replay harmless.
 */
final class OutboundPass {

  private static final int BATCH = 200;

  private final SyncRun run;
  private final PairWriter writer;
  private final Store store;

  OutboundPass(SyncRun run, PairWriter writer, Store store) {
    this.run = run;
    this.writer = writer;
    this.store = store;
  }

  void run(Optional<ChangeLogPosition> watermark) throws VendorException {
    if (watermark.isEmpty()) {
      exportAll();
    } else {
      followLog(watermark.get());
    }
  }

  private void exportAll() throws VendorException {
    // Taken before reading: what commits later is read from the log after it.
    ChangeLogPosition horizon = store.changeLog().horizon();
    List<ScheduleEntry> entries = store.entries()
        .findAssigned(run.tenant(), run.userId(), run.window.start(), run.window.end()).stream()
        .sorted(Comparator.comparing((ScheduleEntry e) -> e.content().recurrenceOverride() != null))
        .toList();
    // One query for every mapping rather than one per entry: after an import, the window holds thousands.
    Map<EntryKey, EventMapping> mappings = new HashMap<>();
    run.lock.inTransaction(tx -> tx.mappings().findByProvider(run.provider))
        .forEach(mapping -> mappings.put(mapping.entry(), mapping));
    for (ScheduleEntry entry : entries) {
      handle(Optional.of(entry), Optional.ofNullable(mappings.get(entry.key())));
    }
    saveWatermark(horizon);
  }

  private void followLog(ChangeLogPosition from) throws VendorException {
    ChangeLogPosition watermark = from;
    ChangeBatch batch;
    do {
      batch = store.changeLog().changesFor(run.tenant(), run.userId(), watermark, BATCH);
      for (ScheduleChange change : batch.changes()) {
        // Our own inbound writes were recorded as synced when made; the same calendar must not receive them back.
        if (!change.origin().isProvider(run.provider)) {
          handle(run.lock.inTransaction(tx -> tx.entries().find(change.entry())),
              run.lock.inTransaction(tx -> tx.mappings().findByEntry(run.provider, change.entry())));
        }
        saveWatermark(change.position());
      }
      watermark = batch.watermark();
      saveWatermark(watermark);
    } while (batch.mayHaveMore());
  }

  private void handle(Optional<ScheduleEntry> entry, Optional<EventMapping> mapping) throws VendorException {
    if (mapping.isPresent() && mapping.get().status() == MappingStatus.CONFLICT) {
      // Parked until a person resolves it: the conflict resource shows the current entry.
      run.conflict();
      return;
    }
    Optional<ScheduleEntry> live = entry
        .filter(e -> !e.deleted())
        .filter(e -> ContentConversion.isAssignedTo(e.content(), run.userId()));
    if (live.isEmpty()) {
      if (mapping.isPresent()) {
        writer.deleteExternal(entry, mapping.get());
      }
    } else if (mapping.isEmpty()) {
      if (ContentConversion.inWindow(live.get().content(), run.window)) {
        writer.createExternal(live.get());
      }
    } else if (!mapping.get().hasEvent()) {
      // The vendor refused this entry before; only a changed entry is worth another try.
      if (!Objects.equals(mapping.get().syncedEntryVersion(), live.get().version())) {
        writer.createExternal(live.get());
      }
    } else if (!Objects.equals(mapping.get().syncedEntryVersion(), live.get().version())
        || mapping.get().status() == MappingStatus.ERROR) {
      writer.updateExternal(live.get(), mapping.get());
    }
  }

  private void saveWatermark(ChangeLogPosition position) {
    run.lock.inTransaction(tx -> {
      tx.syncState().saveWatermark(run.provider, position);
      return null;
    });
  }
}
