package io.calendarsync.operator.vendor;

import java.time.Duration;
import java.util.Optional;

/** A vendor call that failed, classified so the engine can react without knowing the vendor's dialect. */
public class VendorException extends Exception {

  public enum Kind {
    /** The event does not exist (404, or 410 for an already deleted Google event). */
    NOT_FOUND,
    /** If-Match failed (412): the event changed since the version the engine holds. */
    PRECONDITION_FAILED,
    /** The sync token / delta link is no longer valid (Google 410 fullSyncRequired, Graph SyncStateNotFound). */
    CURSOR_EXPIRED,
    /** The vendor refused the content (400): e.g. end before start, a title too long. Per event, not per sync. */
    REJECTED,
    /** The calendar named by the provider does not exist or is not the user's. */
    CALENDAR_NOT_FOUND,
    /** 429 or a rate-limit 403, after the adapter's own retries. */
    RATE_LIMITED,
    /** 5xx, timeouts, connection failures, after the adapter's own retries. */
    UNAVAILABLE,
    /** The refresh token was revoked or expired (invalid_grant). */
    AUTHORIZATION_REVOKED,
    /** There is no refresh token at all: neither the credentials Secret nor a completed consent holds one. */
    AUTHORIZATION_REQUIRED,
    /** The OAuth client id or secret is wrong (invalid_client). */
    INVALID_CLIENT
  }

  private final Kind kind;
  private final Duration retryAfter;

  public VendorException(Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public VendorException(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public Kind kind() {
    return kind;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
