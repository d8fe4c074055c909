/**
 * How every vendor call is made, whatever the vendor: under the vendor's shared {@link
 * io.calendarsync.operator.vendor.http.RequestBudget}, with the provider's current access token (renewed once when the
 * vendor refuses it), and retried by a {@link io.calendarsync.operator.vendor.http.RetryPolicy} while the vendor is
 * throttling or unavailable. Adapters only translate their client library's failures into
 * {@link io.calendarsync.operator.vendor.VendorException}s and {@link io.calendarsync.operator.vendor.http.TokenRejected}.
 */
package io.calendarsync.operator.vendor.http;
