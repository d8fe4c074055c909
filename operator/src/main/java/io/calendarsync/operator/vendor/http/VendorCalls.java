package io.calendarsync.operator.vendor.http;

import io.calendarsync.operator.oauth.AccessTokens;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.VendorException;

import static io.calendarsync.operator.vendor.VendorException.Kind.AUTHORIZATION_REVOKED;

/**
 * Makes one provider's vendor calls the same way for every vendor: each attempt takes a slot of the vendor's
 * {@link RequestBudget} and the provider's current access token, and the whole call is retried by the
 * {@link RetryPolicy}. One instance per vendor, shared by all its providers.
 */
public final class VendorCalls {

  private final AccessTokens tokens;
  private final RequestBudget budget;
  private final RetryPolicy retryPolicy;

  public VendorCalls(AccessTokens tokens, RequestBudget budget, RetryPolicy retryPolicy) {
    this.tokens = tokens;
    this.budget = budget;
    this.retryPolicy = retryPolicy;
  }

  public <T> T call(SyncTarget target, AuthorizedCall<T> call) throws VendorException {
    return retryPolicy.call(() -> withFreshTokenOnRejection(target, call));
  }

  /**
   * A 401 although our token had time left means the vendor dropped it early or the grant is gone. One fresh token
   * tells them apart: a revoked grant fails the refresh itself ({@code invalid_grant} → AUTHORIZATION_REVOKED from
   * {@link AccessTokens}), and a freshly issued token that is refused as well means the same for our purposes. Either
   * way the provider stops calling the vendor and asks for consent, rather than retrying into the quota.
   */
  private <T> T withFreshTokenOnRejection(SyncTarget target, AuthorizedCall<T> call) throws VendorException {
    try {
      return attempt(target, call);
    } catch (TokenRejected rejected) {
      tokens.invalidateAccessToken(target);
      try {
        return attempt(target, call);
      } catch (TokenRejected again) {
        throw new VendorException(AUTHORIZATION_REVOKED,
            "the vendor refuses a freshly issued access token: " + again.getMessage());
      }
    }
  }

  private <T> T attempt(SyncTarget target, AuthorizedCall<T> call) throws VendorException, TokenRejected {
    String token = tokens.current(target).value();
    budget.acquire();
    return call.call(token);
  }
}
