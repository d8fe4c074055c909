package io.calendarsync.operator.vendor.http;

import io.calendarsync.operator.vendor.VendorException;

/** One attempt at a vendor call made with {@code bearerToken}; a 401 answer is reported as {@link TokenRejected}. */
@FunctionalInterface
public interface AuthorizedCall<T> {

  T call(String bearerToken) throws VendorException, TokenRejected;
}
