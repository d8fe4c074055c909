package io.calendarsync.operator.sync;

/** Why a sync failed, as the CamelCase reason shown on the provider's conditions. */
public enum SyncFailureReason {
  VendorUnavailable(false),
  RateLimited(false),
  CalendarNotFound(true),
  StoreUnavailable(false),
  AuthorizationRevoked(true),
  /** No grant at all yet: a person must complete the consent offered in status.authorizationUrl. */
  AuthorizationRequired(true),
  InvalidClientCredentials(true),
  /** Another replica holds the provider's lock (only during a leader hand-over). */
  SyncInProgress(false);

  private final boolean needsPerson;

  SyncFailureReason(boolean needsPerson) {
    this.needsPerson = needsPerson;
  }

  /** True when retrying cannot help until someone changes something (kstatus Stalled). */
  public boolean needsPerson() {
    return needsPerson;
  }

  /** True when the vendor refused the credentials rather than the calendar or the store failing. */
  public boolean isAuthorization() {
    return this == AuthorizationRevoked || this == AuthorizationRequired || this == InvalidClientCredentials;
  }

  /** True when a person's consent (a new grant) would fix it, unlike a wrong OAuth client. */
  public boolean needsConsent() {
    return this == AuthorizationRevoked || this == AuthorizationRequired;
  }
}
