package io.calendarsync.receiver.http;

import io.calendarsync.receiver.metrics.RejectionReason;

/** Ends a request's processing with a rejection from inside an asynchronous step (such as reading the body). */
public final class RejectedException extends RuntimeException {

  private final RejectionReason reason;

  public RejectedException(RejectionReason reason) {
    super(reason.label(), null, false, false);
    this.reason = reason;
  }

  public RejectionReason reason() {
    return reason;
  }
}
