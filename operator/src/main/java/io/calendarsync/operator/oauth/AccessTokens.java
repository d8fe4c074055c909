package io.calendarsync.operator.oauth;

import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.operator.sync.ProviderCredentials;
import io.calendarsync.operator.sync.StoredGrant;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.VendorException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static io.calendarsync.operator.vendor.VendorException.Kind.AUTHORIZATION_REQUIRED;
import static io.calendarsync.operator.vendor.VendorException.Kind.UNAVAILABLE;

/**
 * Access tokens per provider, kept in memory and refreshed ahead of expiry (when a tenth of their lifetime or five
 * minutes remain, whichever is more), so a vendor call never discovers expiry through a 401. A transient token
 * endpoint failure while the old token is still valid keeps using it and retries with backoff.
 *
 * <p>Which refresh token: the newest the operator obtained itself (a rotation or a consent, kept in memory and in its
 * {@link RefreshTokenStore}), as long as it descends from the refresh token now in the credentials Secret; otherwise
 * the Secret's own. A rotated refresh token is saved before the access token that came with it is used: if saving
 * fails, the refresh counts as failed, the new refresh token stays in memory, and the save is retried first next time.
 */
public final class AccessTokens {

  private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
  private static final Duration MIN_MARGIN = Duration.ofMinutes(5);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  private static final Duration MAX_RETRY = Duration.ofMinutes(5);
  private static final RefreshTokenStore MEMORY_ONLY = new RefreshTokenStore() {
    @Override
    public void save(SyncTarget target, StoredGrant grant) {}

    @Override
    public void discard(SyncTarget target) {}
  };

  private final TokenEndpointClient endpoint;
  private final RefreshTokenStore store;
  private final RefreshObserver observer;
  private final Clock clock;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  /**
   * What is held for one provider.
   *
   * @param token the access token to use; null while there is none
   * @param refreshToken the newest refresh token
   * @param derivedFrom the digest of the credentials Secret's refresh token it descends from
   * @param issuedAt when the operator obtained {@code refreshToken}; null when it is the Secret's own
   * @param secretVersion the credentials Secret's resourceVersion the access token was obtained with
   * @param saved false while a rotated refresh token still has to be written to the store
   * @param failures consecutive transient refresh failures
   * @param retryAt no refresh attempt before this, while the old token is still valid
   * @param consent the refresh token of the last consent adopted (null if none), so it is adopted only once
   */
  private record Held(AccessToken token, String refreshToken, String derivedFrom, Instant issuedAt,
      String secretVersion, boolean saved, int failures, Instant retryAt, String consent) {

    Held withToken(AccessToken newToken) {
      return new Held(newToken, refreshToken, derivedFrom, issuedAt, secretVersion, saved, 0, null, consent);
    }

    Held markSaved() {
      return new Held(token, refreshToken, derivedFrom, issuedAt, secretVersion, true, failures, retryAt, consent);
    }

    Held failedAt(Instant now) {
      Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures, 10));
      return new Held(token, refreshToken, derivedFrom, issuedAt, secretVersion, saved, failures + 1,
          now.plus(delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay), consent);
    }
  }

  @Override
  public String toString() {
    return "AccessTokens[" + held.size() + " providers]";
  }

  /** Rotated refresh tokens are kept in memory only (engine and vendor tests without Kubernetes, benchmarks). */
  public AccessTokens(TokenEndpointClient endpoint, Clock clock) {
    this(endpoint, MEMORY_ONLY, (vendor, result) -> {}, clock);
  }

  public AccessTokens(TokenEndpointClient endpoint, RefreshTokenStore store, RefreshObserver observer, Clock clock) {
    this.endpoint = endpoint;
    this.store = store;
    this.observer = observer;
    this.clock = clock;
  }

  /** A token valid for at least the refresh margin, refreshing first when needed. */
  public AccessToken current(SyncTarget target) throws VendorException {
    ProviderCredentials credentials = target.credentials();
    Held current = held.get(target.key());
    Instant now = clock.instant();
    if (current != null && current.saved() && current.token() != null
        && current.secretVersion().equals(credentials.resourceVersion())) {
      boolean fresh = now.isBefore(refreshAt(current.token()));
      boolean waitingToRetry = current.retryAt() != null && now.isBefore(current.retryAt())
          && now.isBefore(current.token().expiresAt());
      if (fresh || waitingToRetry) {
        return current.token();
      }
    }
    return refresh(target, credentials, current, now);
  }

  private AccessToken refresh(SyncTarget target, ProviderCredentials credentials, Held current, Instant now)
      throws VendorException {
    String derivedFrom = TokenSecrets.derivationOf(credentials.refreshToken());
    Held base = current != null && current.derivedFrom().equals(derivedFrom) ? current : null;
    Optional<StoredGrant> stored = credentials.storedGrant();
    if (stored.isPresent() && !stored.get().derivedFrom().equals(derivedFrom)) {
      // The person put a new grant into their Secret: what the operator kept descends from the old one.
      discard(target);
      stored = Optional.empty();
    }
    if (stored.isPresent() && adopts(base, stored.get())) {
      base = new Held(null, stored.get().refreshToken(), derivedFrom, stored.get().issuedAt(),
          credentials.resourceVersion(), true, 0, null,
          StoredGrant.CONSENT.equals(stored.get().source()) ? stored.get().refreshToken() : null);
    }
    Vendor vendor = target.spec().getVendor();
    if (base != null && !base.saved()) {
      save(target, vendor, base);
      base = base.markSaved();
      held.put(target.key(), base);
      if (base.token() != null && base.secretVersion().equals(credentials.resourceVersion())
          && now.isBefore(refreshAt(base.token()))) {
        return base.token();
      }
    }
    String refreshToken = base != null ? base.refreshToken() : credentials.refreshToken().orElseThrow(() ->
        new VendorException(AUTHORIZATION_REQUIRED,
            "no refresh token: the Secret has no 'refresh-token' and no consent was completed"));
    TokenGrant grant;
    try {
      grant = endpoint.refresh(vendor, credentials, refreshToken);
    } catch (VendorException e) {
      observer.refreshed(vendor, RefreshResult.of(e));
      if (base != null && RefreshResult.of(e) == RefreshResult.UNAVAILABLE && base.token() != null
          && base.secretVersion().equals(credentials.resourceVersion()) && now.isBefore(base.token().expiresAt())) {
        held.put(target.key(), base.failedAt(now));
        return base.token();
      }
      throw e;
    }
    String consent = base == null ? null : base.consent();
    Held next;
    if (grant.refreshToken().isPresent()) {
      next = new Held(grant.accessToken(), grant.refreshToken().get(), derivedFrom, grant.accessToken().obtainedAt(),
          credentials.resourceVersion(), false, 0, null, consent);
      held.put(target.key(), next);
      save(target, vendor, next);
      next = next.markSaved();
    } else {
      next = new Held(grant.accessToken(), refreshToken, derivedFrom, base == null ? null : base.issuedAt(),
          credentials.resourceVersion(), true, 0, null, consent);
    }
    held.put(target.key(), next);
    observer.refreshed(vendor, RefreshResult.SUCCESS);
    return grant.accessToken();
  }

  /**
   * Whether the kept token replaces what memory holds: always when memory holds nothing (after a restart), else only
   * for a consent not adopted yet. A kept rotation is never newer than memory (this process wrote it; the watch may
   * still show an older one).
   */
  private static boolean adopts(Held held, StoredGrant stored) {
    return held == null || (StoredGrant.CONSENT.equals(stored.source())
        && !stored.refreshToken().equals(held.refreshToken()) && !stored.refreshToken().equals(held.consent()));
  }

  private void save(SyncTarget target, Vendor vendor, Held rotated) throws VendorException {
    try {
      store.save(target, new StoredGrant(rotated.refreshToken(), rotated.derivedFrom(), rotated.issuedAt(),
          StoredGrant.ROTATION));
    } catch (TokenStoreException e) {
      LOG.warn("the rotated refresh token of {} could not be saved, so the new access token is not used yet: {}",
          target.key(), e.getMessage());
      observer.refreshed(vendor, RefreshResult.UNAVAILABLE);
      throw new VendorException(UNAVAILABLE, "the vendor rotated the refresh token and the new one could not be saved"
          + " (" + e.getMessage() + "); it is kept in memory and saved before it is used", null, e);
    }
  }

  private void discard(SyncTarget target) throws VendorException {
    try {
      store.discard(target);
    } catch (TokenStoreException e) {
      throw new VendorException(UNAVAILABLE, "a stale refresh token could not be discarded: " + e.getMessage(), null, e);
    }
  }

  /** The token held for the provider, without refreshing it. */
  public Optional<AccessToken> held(SyncTarget target) {
    return Optional.ofNullable(held.get(target.key())).map(Held::token);
  }

  /** When the provider must be woken to refresh its token (or retry a failed refresh), if it holds one. */
  public Optional<Instant> nextRefresh(SyncTarget target) {
    return Optional.ofNullable(held.get(target.key()))
        .filter(h -> h.token() != null)
        .map(h -> h.retryAt() != null ? h.retryAt() : refreshAt(h.token()));
  }

  /**
   * Drops the access token the vendor refused (a 401), keeping any rotated refresh token: the next call refreshes
   * with the newest refresh token, which may be the only one still valid.
   */
  public void invalidateAccessToken(SyncTarget target) {
    held.computeIfPresent(target.key(), (key, h) -> h.token() == null ? h : h.withToken(
        new AccessToken(h.token().value(), h.token().obtainedAt(), h.token().obtainedAt())));
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
