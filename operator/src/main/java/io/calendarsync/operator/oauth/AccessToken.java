package io.calendarsync.operator.oauth;

import java.time.Instant;

/** A bearer token and when it stops working. {@link #toString()} hides the value. */
public record AccessToken(String value, Instant expiresAt, Instant obtainedAt) {

  @Override
  public String toString() {
    return "AccessToken[expiresAt=" + expiresAt + "]";
  }
}
