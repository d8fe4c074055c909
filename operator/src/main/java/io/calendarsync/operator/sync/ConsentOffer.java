package io.calendarsync.operator.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a person grants the operator access to a provider's calendar, or why no such link can be offered.
 *
 * @param url the vendor's consent page with a signed, single-use state; empty when none can be offered
 * @param expiresAt when the link's state stops being accepted (a new one must be published before)
 * @param unavailable why there is no link (empty when there is one)
 * @param retryable true when offering failed for a passing reason (Redis unreachable) and is worth retrying
 */
public record ConsentOffer(Optional<String> url, Instant expiresAt, Optional<String> unavailable, boolean retryable) {

  public static ConsentOffer of(String url, Instant expiresAt) {
    return new ConsentOffer(Optional.of(url), expiresAt, Optional.empty(), false);
  }

  /** No link, until the configuration changes. */
  public static ConsentOffer unavailable(String why) {
    return new ConsentOffer(Optional.empty(), null, Optional.of(why), false);
  }

  /** No link this time; worth trying again. */
  public static ConsentOffer failed(String why) {
    return new ConsentOffer(Optional.empty(), null, Optional.of(why), true);
  }
}
