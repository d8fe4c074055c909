package io.calendarsync.operator.sync;

import io.calendarsync.api.v1alpha1.ConflictResolution;

/**
 * The port between the provider lifecycle and the sync engine. The reconciler decides <em>whether</em> a provider may
 * sync (valid spec, credentials present, tenant allowed, not suspended); an implementation of this port does the
 * syncing and owns everything vendor-side (tokens, push channels). Calls for one provider never overlap.
 */
public interface CalendarSync {

  /** One incremental sync of both directions the provider allows. */
  SyncResult sync(SyncTarget target) throws SyncFailure;

  /**
   * Applies a person's decision on a conflict between the entry {@code entryId} (of the provider's tenant) and its
   * event: the kept side overwrites the other. Does nothing when the pair is no longer in conflict.
   */
  void resolve(SyncTarget target, String entryId, ConflictResolution keep) throws SyncFailure;

  /**
   * Releases what the provider holds at the vendor (push channels), on suspend and before deletion. Must be safe to
   * call repeatedly and for a provider that never synced.
   */
  void release(SyncTarget target) throws SyncFailure;

  /**
   * A consent link for a provider without a usable grant. Issuing one must not call the vendor; it may store the
   * link's single-use state. Without consent configured there is none.
   */
  default ConsentOffer offerConsent(SyncTarget target) {
    return ConsentOffer.unavailable("this operator offers no consent links");
  }
}
