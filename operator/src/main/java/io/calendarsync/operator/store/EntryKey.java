package io.calendarsync.operator.store;

/** Identifies a schedule entry: entry ids are unique within a tenant. */
public record EntryKey(String tenant, String entryId) {

  public EntryKey {
    if (tenant == null || tenant.isBlank() || entryId == null || entryId.isBlank()) {
      throw new IllegalArgumentException("tenant and entry id must be non-blank: " + tenant + ", " + entryId);
    }
  }

  @Override
  public String toString() {
    return tenant + "/" + entryId;
  }
}
