package io.calendarsync.operator.sync;

import io.calendarsync.api.v1alpha1.SyncCounts;

import java.time.Instant;
import java.util.Optional;

/**
 * What a sync did and what it needs next: {@code nextActionAt} is the earliest token refresh or push-channel renewal
 * the engine must be woken for, independent of the safety-net interval.
 */
public record SyncResult(SyncCounts counts, int openConflicts, PushState push, Instant tokenExpiresAt,
    Instant lastTokenRefreshAt, Optional<Instant> nextActionAt) {

  /** True when the sync changed something on either side (an idle sync changes nothing). */
  public boolean changedAnything() {
    SyncCounts c = counts;
    return c.getCreatedExternal() + c.getUpdatedExternal() + c.getDeletedExternal() + c.getCreatedInternal()
        + c.getUpdatedInternal() + c.getDeletedInternal() + c.getConflicts() + c.getErrors() + c.getSkipped() > 0;
  }
}
