package io.calendarsync.api.v1alpha1;

/** Which side a provider may write to. */
public enum SyncDirection {
  /** Schedule entries go to the calendar and calendar edits come back. */
  Bidirectional,
  /** Schedule entries go to the calendar; the platform is never written. */
  ToExternal,
  /** Calendar events come into the platform; the calendar is never written. */
  FromExternal;

  public boolean writesExternal() {
    return this != FromExternal;
  }

  public boolean writesInternal() {
    return this != ToExternal;
  }
}
