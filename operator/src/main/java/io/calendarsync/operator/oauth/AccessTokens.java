package io.calendarsync.operator.oauth;

import io.calendarsync.operator.sync.ProviderCredentials;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.VendorException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens per provider, kept in memory and refreshed ahead of expiry (when a tenth of their lifetime or five
 * minutes remain, whichever is more), so a vendor call never discovers expiry through a 401. A refresh token the
 * vendor rotates replaces the Secret's for as long as the Secret does not change.
 */
public final class AccessTokens {

  private static final Duration MIN_MARGIN = Duration.ofMinutes(5);

  private final TokenEndpointClient endpoint;
  private final Clock clock;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  private record Held(AccessToken token, String refreshToken, String secretVersion) {}

  public AccessTokens(TokenEndpointClient endpoint, Clock clock) {
    this.endpoint = endpoint;
    this.clock = clock;
  }

  /** A token valid for at least the refresh margin, refreshing first when needed. */
  public AccessToken current(SyncTarget target) throws VendorException {
    ProviderCredentials credentials = target.credentials();
    Held current = held.get(target.key());
    if (current != null && current.secretVersion().equals(credentials.resourceVersion())
        && clock.instant().isBefore(refreshAt(current.token()))) {
      return current.token();
    }
    String refreshToken = current != null && current.secretVersion().equals(credentials.resourceVersion())
        ? current.refreshToken()
        : credentials.refreshToken().orElseThrow(() -> new VendorException(VendorException.Kind.AUTHORIZATION_REVOKED,
            "no refresh token: the Secret has no 'refresh-token' and no consent was completed"));
    TokenGrant grant = endpoint.refresh(target.spec().getVendor(), credentials, refreshToken);
    held.put(target.key(), new Held(grant.accessToken(), grant.refreshToken().orElse(refreshToken),
        credentials.resourceVersion()));
    return grant.accessToken();
  }

  /** The token held for the provider, without refreshing it. */
  public Optional<AccessToken> held(SyncTarget target) {
    return Optional.ofNullable(held.get(target.key())).map(Held::token);
  }

  /** When the provider must be woken to refresh its token, if it holds one. */
  public Optional<Instant> nextRefresh(SyncTarget target) {
    return Optional.ofNullable(held.get(target.key())).map(h -> refreshAt(h.token()));
  }

  /**
   * Drops the access token the vendor refused (a 401), keeping any rotated refresh token: the next call refreshes
   * with the newest refresh token, which may be the only one still valid.
   */
  public void invalidateAccessToken(SyncTarget target) {
    held.computeIfPresent(target.key(), (key, h) -> new Held(
        new AccessToken(h.token().value(), h.token().obtainedAt(), h.token().obtainedAt()), h.refreshToken(),
        h.secretVersion()));
  }

  /** Forgets everything held for the provider (it was deleted or suspended). */
  public void forget(SyncTarget target) {
    held.remove(target.key());
  }

  static Instant refreshAt(AccessToken token) {
    Duration lifetime = Duration.between(token.obtainedAt(), token.expiresAt());
    Duration margin = lifetime.dividedBy(10).compareTo(MIN_MARGIN) > 0 ? lifetime.dividedBy(10) : MIN_MARGIN;
    return token.expiresAt().minus(margin);
  }
}
