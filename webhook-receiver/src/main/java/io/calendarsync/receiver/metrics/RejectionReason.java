package io.calendarsync.receiver.metrics;

import java.util.Locale;

/**
 * Why the receiver refused something, as the {@code reason} label of its metrics (a closed set, so label
 * cardinality stays flat), with the HTTP status answered when that reason alone decides the reply.
 */
public enum RejectionReason {
  // Any endpoint
  METHOD_NOT_ALLOWED(405),
  BODY_TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  MALFORMED_REQUEST(400),
  MALFORMED_BODY(400),
  /** Redis refused or is unreachable: 503, so the vendor retries. */
  REDIS_UNAVAILABLE(503),
  /** Not done within the deadline (Redis slow): 503, so the vendor retries. */
  DEADLINE_EXCEEDED(503),
  INTERNAL_ERROR(500),

  // Push notifications
  MISSING_HEADER(400),
  INVALID_HEADER(400),
  MISSING_FIELD(400),
  INVALID_FIELD(400),
  MISSING_TOKEN(400),
  UNKNOWN_CHANNEL(404),
  TOKEN_MISMATCH(403),
  RESOURCE_MISMATCH(403),
  UNKNOWN_LIFECYCLE_EVENT(400),
  VALIDATION_TOKEN_TOO_LONG(400),

  // OAuth callbacks
  VENDOR_ERROR(400),
  MISSING_PARAMETER(400),
  INVALID_PARAMETER(400),
  INVALID_STATE(400),
  EXPIRED_STATE(400),
  VENDOR_MISMATCH(400),
  REPLAYED_STATE(400),
  FOREIGN_STATE(400);

  private final int status;

  RejectionReason(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
