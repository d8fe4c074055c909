package io.calendarsync.operator.vendor.http;

import io.calendarsync.operator.vendor.VendorException;

/** One attempt at a vendor call, failing with an already classified {@link VendorException}. */
@FunctionalInterface
public interface VendorCall<T> {

  T call() throws VendorException;
}
