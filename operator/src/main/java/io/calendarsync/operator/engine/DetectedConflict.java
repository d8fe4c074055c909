package io.calendarsync.operator.engine;

import io.calendarsync.operator.store.EntryKey;
import io.calendarsync.operator.store.ScheduleEntry;
import io.calendarsync.operator.vendor.ExternalEvent;

import java.util.Optional;

/**
 * An entry and its event that both changed since the last sync. Either side may be gone (deleted on one side,
 * edited on the other).
 */
public record DetectedConflict(EntryKey entry, String externalEventId, Optional<ScheduleEntry> internal,
    Optional<ExternalEvent> external) {}
