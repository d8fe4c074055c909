package io.calendarsync.operator.vendor;

import java.util.Optional;

/**
 * One provider's calendar at its vendor, with the provider's credentials bound. Not thread-safe: the engine uses one
 * instance per sync of one provider.
 */
public interface ExternalCalendar {

  /**
   * Everything that changed since {@code cursor}, all pages fetched; with no cursor, a full listing of the window.
   * Throws {@link VendorException.Kind#CURSOR_EXPIRED} when the vendor no longer knows the cursor. An incremental set
   * may leave out events reported at a version the engine {@code held}: they are unchanged for the engine.
   */
  ChangeSet changesSince(Optional<String> cursor, TimeWindow window, HeldVersions held) throws VendorException;

  /** {@link #changesSince(Optional, TimeWindow, HeldVersions)} for a caller that holds no versions. */
  default ChangeSet changesSince(Optional<String> cursor, TimeWindow window) throws VendorException {
    return changesSince(cursor, window, HeldVersions.NONE);
  }

  /** The event as it is now; empty when it does not exist (cancelled Google events are returned, cancelled). */
  Optional<ExternalEvent> get(String id) throws VendorException;

  /**
   * Creates an event, idempotently: calling again with the same {@code idempotencyKey} (after a crash between the
   * vendor write and the database commit) returns the event the first call created instead of a second one. Google:
   * a client-chosen event id derived from the key; Graph: the key as {@code transactionId}. Never sends invitations.
   *
   * @param ownerTag stamped on the event as a private extended property (see {@link ExternalEvent#ownerTag()})
   * @param occurrenceOf set to create an exception of a series (moved or cancelled occurrence)
   */
  ExternalEvent create(String idempotencyKey, EventContent content, String ownerTag,
      Optional<OccurrenceOf> occurrenceOf) throws VendorException;

  /**
   * Replaces the event's content if it is still at {@code ifMatchVersion}; {@link VendorException.Kind#PRECONDITION_FAILED}
   * otherwise. Never sends invitations.
   */
  ExternalEvent update(String id, String ifMatchVersion, EventContent content, String ownerTag) throws VendorException;

  /** Deletes the event if it is still at {@code ifMatchVersion}; an already deleted event counts as deleted. */
  void delete(String id, String ifMatchVersion) throws VendorException;
}
