package io.calendarsync.operator.store;

import java.util.Locale;

/** An entry's status, as both vendors have it. */
public enum EntryStatus {
  CONFIRMED, TENTATIVE, CANCELLED;

  String databaseValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static EntryStatus fromDatabase(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
