package io.calendarsync.operator.status;

/**
 * Condition reasons the lifecycle sets. Failure reasons of a sync come from
 * {@link io.calendarsync.operator.sync.SyncFailureReason}; docs/operations.md says what to do for each.
 */
public final class Reason {

  public static final String INITIALIZING = "Initializing";
  public static final String READY = "Ready";
  public static final String AUTHENTICATED = "Authenticated";
  public static final String SYNC_SUCCEEDED = "SyncSucceeded";
  public static final String CONFLICTS_OPEN = "ConflictsOpen";
  public static final String NO_CONFLICTS = "NoConflicts";
  public static final String SUSPENDED = "Suspended";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";
  public static final String SECRET_KEY_MISSING = "SecretKeyMissing";
  public static final String FORBIDDEN = "Forbidden";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String RECONCILE_ERROR = "ReconcileError";
  public static final String SYNC_REQUESTED = "SyncRequested";
  public static final String CLEANUP_FAILED = "CleanupFailed";
  public static final String CLEANUP_ABANDONED = "CleanupAbandoned";
  public static final String CONSENT_FAILED = "ConsentFailed";
  public static final String AUTHORIZATION_GRANTED = "AuthorizationGranted";

  private Reason() {}
}
