package io.calendarsync.operator.store;

import java.util.Locale;

/** Where an entry and its calendar event stand for one provider. */
public enum MappingStatus {
  /** Both sides agree as of the last sync. */
  SYNCED,
  /** Both sides changed since the last sync; waiting for a resolution. */
  CONFLICT,
  /** The last attempt to sync this pair failed; the error message says why. */
  ERROR;

  String databaseValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static MappingStatus fromDatabase(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
