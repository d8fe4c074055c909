package io.calendarsync.operator.store;

import java.util.Locale;

/** What a change did to an entry, as seen by a calendar. */
public enum ChangeKind {
  /** Inserted, or restored from a soft delete. */
  CREATED,
  UPDATED,
  /** Soft-deleted (or deleted for good). */
  DELETED;

  static ChangeKind fromDatabase(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
