package io.calendarsync.operator.vendor.microsoft;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.ResponseHeaders;
import io.calendarsync.operator.vendor.VendorException;
import io.calendarsync.operator.vendor.http.RetryAfter;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import static io.calendarsync.operator.vendor.VendorException.Kind.AUTHORIZATION_REVOKED;
import static io.calendarsync.operator.vendor.VendorException.Kind.CALENDAR_NOT_FOUND;
import static io.calendarsync.operator.vendor.VendorException.Kind.CURSOR_EXPIRED;
import static io.calendarsync.operator.vendor.VendorException.Kind.NOT_FOUND;
import static io.calendarsync.operator.vendor.VendorException.Kind.PRECONDITION_FAILED;
import static io.calendarsync.operator.vendor.VendorException.Kind.RATE_LIMITED;
import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;
import static io.calendarsync.operator.vendor.VendorException.Kind.UNAVAILABLE;

/**
 * Graph's error answers ({@code ODataError}: status and {@code error.code}) in the port's terms. Messages carry
 * Graph's code and message but never a URL (delta links hold the sync state), so the SDK's exception is not kept as
 * the cause. A 401 never gets here: {@link GraphRequests} reports it as {@code TokenRejected}.
 */
final class GraphErrors {

  /** What a request addressed, which decides what its 404 and 403 mean. */
  enum Addressed { CALENDAR, EVENT, SUBSCRIPTION }

  /** The delta link is no longer known (410), or is unreadable to the service (400 variants). */
  private static final Set<String> SYNC_STATE_GONE = Set.of("SyncStateNotFound", "SyncStateInvalid", "resyncRequired");

  private final Clock clock;

  GraphErrors(Clock clock) {
    this.clock = clock;
  }

  /**
   * 429 and 5xx are transient (the retry policy waits what Retry-After asks). 403 on the calendar means the grant does
   * not reach it (consent must be given again); on an event, that the calendar refuses the write. 409 and 412 mean the
   * event changed under us (Graph answers a stale change key with either).
   */
  VendorException classify(ApiException error, Addressed addressed) {
    int status = error.getResponseStatusCode();
    String code = code(error);
    String message = describe(error);
    if (SYNC_STATE_GONE.contains(code)) {
      return new VendorException(CURSOR_EXPIRED, message);
    }
    Duration retryAfter = retryAfter(error.getResponseHeaders());
    if (status == 429) {
      return new VendorException(RATE_LIMITED, message, retryAfter, null);
    }
    if (status >= 500) {
      return new VendorException(UNAVAILABLE, message, retryAfter, null);
    }
    return switch (status) {
      case 403 -> new VendorException(addressed == Addressed.CALENDAR ? AUTHORIZATION_REVOKED : REJECTED, message);
      case 404 -> new VendorException(addressed == Addressed.CALENDAR ? CALENDAR_NOT_FOUND : NOT_FOUND, message);
      case 409, 412 -> new VendorException(PRECONDITION_FAILED, message);
      case 410 -> new VendorException(NOT_FOUND, message);
      default -> new VendorException(REJECTED, message);
    };
  }

  /** The SDK's transport failures (connection refused, timeouts); their messages may quote the URL, so not kept. */
  VendorException unreachable(RuntimeException error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new VendorException(UNAVAILABLE, "Microsoft Graph unreachable: " + root.getClass().getSimpleName() + ": "
        + String.valueOf(root.getMessage()).replaceAll("\\?\\S*", "?..."));
  }

  /** Status, code and Graph's message, e.g. {@code 400 ErrorInvalidRequest: The end time ... must be after ...}. */
  static String describe(ApiException error) {
    String code = code(error);
    String message = error instanceof ODataError odata && odata.getError() != null
        && odata.getError().getMessage() != null ? odata.getError().getMessage() : "no message";
    return "Microsoft Graph answered " + error.getResponseStatusCode() + (code.isEmpty() ? "" : " " + code) + ": "
        + message;
  }

  private static String code(ApiException error) {
    return error instanceof ODataError odata && odata.getError() != null && odata.getError().getCode() != null
        ? odata.getError().getCode() : "";
  }

  private Duration retryAfter(ResponseHeaders headers) {
    if (headers == null || !headers.containsKey("Retry-After")) {
      return null;
    }
    return headers.get("Retry-After").stream().findFirst()
        .flatMap(value -> RetryAfter.parse(value, clock))
        .orElse(null);
  }
}
