package io.calendarsync.operator.sync;

import io.calendarsync.api.v1alpha1.ConflictResolution;

/**
 * What the operator runs with until the sync engine (store + vendor adapters) is wired in: the whole provider
 * lifecycle works, and every provider says plainly that no sync happened. Holds nothing at the vendor, so releasing
 * is always complete.
 */
public final class SyncEngineNotInstalled implements CalendarSync {

  @Override
  public SyncResult sync(SyncTarget target) throws SyncFailure {
    throw new SyncFailure(SyncFailureReason.SyncEngineNotInstalled,
        "This build of the operator has no sync engine; providers are validated but not synced");
  }

  @Override
  public void resolve(SyncTarget target, String entryId, ConflictResolution keep) throws SyncFailure {
    sync(target);
  }

  @Override
  public void release(SyncTarget target) {
    // Nothing was ever created at the vendor.
  }
}
