package io.calendarsync.api.v1alpha1;

/** What happens when an entry and its calendar event both changed since the last sync. */
public enum ConflictPolicy {
  /** Change neither side; raise a CalendarSyncConflict for a person to resolve. */
  Manual,
  PreferInternal,
  PreferExternal,
  /** The side modified last wins. */
  NewestWins
}
