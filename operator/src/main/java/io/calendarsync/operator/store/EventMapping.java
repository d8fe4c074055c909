package io.calendarsync.operator.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Which calendar event a schedule entry is, for one provider, and both sides' versions as of the last sync.
 *
 * @param externalEtag       Google's etag or Graph's changeKey of the event as last synced; null if never synced
 * @param syncedEntryVersion the entry's version as last synced; null if never synced
 * @param errorMessage       why the last attempt failed (required for {@link MappingStatus#ERROR}), else null
 * @param lastSyncedAt       when both sides last agreed; null if never
 */
public record EventMapping(
    ProviderKey provider,
    EntryKey entry,
    String externalEventId,
    String externalEtag,
    Long syncedEntryVersion,
    MappingStatus status,
    String errorMessage,
    Instant lastSyncedAt) {

  public EventMapping {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(status, "status");
    if (externalEventId == null && status != MappingStatus.ERROR) {
      throw new IllegalArgumentException("only a refused create (status error) has no external event");
    }
    if (status == MappingStatus.ERROR && errorMessage == null) {
      throw new IllegalArgumentException("an error mapping needs an error message");
    }
  }

  /** Both sides agree: the event has {@code externalEtag} and the entry {@code entryVersion}. */
  public static EventMapping synced(ProviderKey provider, EntryKey entry, String externalEventId, String externalEtag,
      long entryVersion, Instant syncedAt) {
    return new EventMapping(provider, entry, externalEventId, externalEtag, entryVersion, MappingStatus.SYNCED, null,
        syncedAt);
  }

  /**
   * The vendor refused to create the entry's event: no event exists, and the entry is tried again once it changes
   * past {@code entryVersion}.
   */
  public static EventMapping refused(ProviderKey provider, EntryKey entry, long entryVersion, String message) {
    return new EventMapping(provider, entry, null, null, entryVersion, MappingStatus.ERROR, message, null);
  }

  /** True when the pair has an event at the vendor (false only for a refused create). */
  public boolean hasEvent() {
    return externalEventId != null;
  }

  /** This mapping with another status, keeping the versions of the last sync. */
  public EventMapping withStatus(MappingStatus newStatus, String message) {
    return new EventMapping(provider, entry, externalEventId, externalEtag, syncedEntryVersion, newStatus, message,
        lastSyncedAt);
  }
}
