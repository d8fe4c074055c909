package io.calendarsync.api.redis;

/** A consent {@code state} that {@link ConsentState#verify} refuses. The message never contains the state. */
public final class InvalidConsentStateException extends RuntimeException {

  /** Why a state was refused. */
  public enum Reason {
    /** Not two base64url parts, or a payload without the expected fields. */
    MALFORMED,
    /** Not signed with this installation's key: tampered with, or issued elsewhere. */
    BAD_SIGNATURE,
    /** Signed, but past its expiry. */
    EXPIRED
  }

  private final Reason reason;

  public InvalidConsentStateException(Reason reason) {
    super("consent state refused: " + reason);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
