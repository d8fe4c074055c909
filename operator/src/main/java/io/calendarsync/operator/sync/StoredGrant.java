package io.calendarsync.operator.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * The refresh token the operator keeps for a provider in its own Secret: the newest one the vendor rotated to, or the
 * one a completed consent produced. {@link #toString()} never prints the token.
 *
 * @param refreshToken the token to refresh with
 * @param derivedFrom the digest of the credentials Secret's refresh token this one descends from ({@code none} when
 *     the Secret had none): when the person puts a new grant into their Secret, the digest no longer matches and this
 *     token is stale
 * @param issuedAt when the operator obtained it; the newer of this and a token held in memory wins
 * @param source {@code rotation} or {@code consent}
 */
public record StoredGrant(String refreshToken, String derivedFrom, Instant issuedAt, String source) {

  public static final String ROTATION = "rotation";
  public static final String CONSENT = "consent";

  public StoredGrant {
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(derivedFrom, "derivedFrom");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public String toString() {
    return "StoredGrant[source=" + source + ", issuedAt=" + issuedAt + "]";
  }
}
