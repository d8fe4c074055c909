package io.calendarsync.api.v1alpha1;

/** A person's decision on a conflict. */
public enum ConflictResolution {
  /** The schedule entry wins; the calendar event is overwritten with it. */
  KeepInternal,
  /** The calendar event wins; the schedule entry is overwritten with it. */
  KeepExternal
}
