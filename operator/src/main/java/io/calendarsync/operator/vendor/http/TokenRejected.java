package io.calendarsync.operator.vendor.http;

/**
 * The vendor answered 401 to an access token. Kept apart from {@link io.calendarsync.operator.vendor.VendorException}
 * because only {@link VendorCalls} can tell what it means: a token the vendor dropped early (a fresh one helps) or a
 * broken grant (a fresh one is refused too).
 *
 * @param message the vendor's error description, never the token
 */
public final class TokenRejected extends Exception {

  public TokenRejected(String message) {
    super(message);
  }
}
