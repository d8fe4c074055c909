package io.calendarsync.operator.sync;

import java.time.Duration;
import java.util.Optional;

/** A sync that did not complete, with a reason a person can act on and, when the vendor said so, when to retry. */
public class SyncFailure extends Exception {

  private final SyncFailureReason reason;
  private final Duration retryAfter;

  public SyncFailure(SyncFailureReason reason, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public SyncFailure(SyncFailureReason reason, String message) {
    this(reason, message, null, null);
  }

  public SyncFailureReason reason() {
    return reason;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
