package io.calendarsync.operator.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A schedule entry as stored.
 *
 * @param version   bumped by the database on every change; pass it back to update only what you read
 * @param deletedAt when the entry was soft-deleted, else null
 */
public record ScheduleEntry(EntryKey key, EntryContent content, long version, Instant updatedAt, Instant deletedAt) {

  public ScheduleEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public boolean deleted() {
    return deletedAt != null;
  }
}
