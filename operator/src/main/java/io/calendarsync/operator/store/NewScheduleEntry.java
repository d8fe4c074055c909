package io.calendarsync.operator.store;

import java.util.Objects;

/** An entry to insert: its key and content (the database sets version and times). */
public record NewScheduleEntry(EntryKey key, EntryContent content) {

  public NewScheduleEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(content, "content");
  }
}
