package io.calendarsync.operator.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What the operator remembers between syncs of one provider. Any field but the provider may be null: not recorded
 * yet.
 *
 * @param watermark         how far the change log has been handled
 * @param externalSyncToken Google's nextSyncToken or Graph's deltaLink
 * @param windowStart       start of the window the last full sync covered
 * @param windowEnd         end of that window
 */
public record ProviderSyncState(
    ProviderKey provider,
    ChangeLogPosition watermark,
    String externalSyncToken,
    Instant windowStart,
    Instant windowEnd,
    Instant lastFullSyncAt) {

  public ProviderSyncState {
    Objects.requireNonNull(provider, "provider");
  }
}
