package io.calendarsync.operator.vendor.google;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import io.calendarsync.operator.vendor.VendorException;
import io.calendarsync.operator.vendor.http.RetryAfter;

import java.io.IOException;
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
 * Google's error answers in the port's terms, decided by the status and {@code error.errors[0].reason}. Messages carry
 * Google's own description but never the request URL (its query holds sync and page tokens), so the client library's
 * exception, whose message quotes the URL, is not kept as the cause.
 */
final class GoogleErrors {

  /** What a request addressed, which decides what its 404 means: Google says only "Not Found" for both. */
  enum Addressed { CALENDAR, EVENT }

  /** Throttling that clears within seconds: retried. */
  private static final Set<String> SHORT_RATE_LIMITS = Set.of("rateLimitExceeded", "userRateLimitExceeded");
  /**
   * Quotas that clear within hours (the project's daily quota, the user's calendar usage limits): reported as
   * RATE_LIMITED with a retry-after beyond any retry budget, so the provider backs off instead of retrying now.
   */
  private static final Set<String> LONG_RATE_LIMITS = Set.of("dailyLimitExceeded", "quotaExceeded");
  private static final Duration LONG_RATE_LIMIT_PAUSE = Duration.ofHours(1);
  /** The grant lacks the calendar scope: only new consent helps. */
  private static final Set<String> SCOPE_MISSING = Set.of("insufficientPermissions", "ACCESS_TOKEN_SCOPE_INSUFFICIENT");

  private final Clock clock;

  GoogleErrors(Clock clock) {
    this.clock = clock;
  }

  VendorException classify(HttpResponseException error, Addressed addressed) {
    int status = error.getStatusCode();
    String reason = reason(error);
    String message = describe(error);
    Duration retryAfter = RetryAfter.parse(error.getHeaders().getRetryAfter(), clock).orElse(null);
    if (status == 429 || (status == 403 && SHORT_RATE_LIMITS.contains(reason))) {
      return new VendorException(RATE_LIMITED, message, retryAfter, null);
    }
    if (status == 403 && LONG_RATE_LIMITS.contains(reason)) {
      return new VendorException(RATE_LIMITED, message, LONG_RATE_LIMIT_PAUSE, null);
    }
    if (status == 403 && SCOPE_MISSING.contains(reason)) {
      return new VendorException(AUTHORIZATION_REVOKED, message);
    }
    if (status >= 500) {
      return new VendorException(UNAVAILABLE, message, retryAfter, null);
    }
    return switch (status) {
      case 404 -> new VendorException(addressed == Addressed.CALENDAR ? CALENDAR_NOT_FOUND : NOT_FOUND, message);
      case 410 -> new VendorException("fullSyncRequired".equals(reason) ? CURSOR_EXPIRED : NOT_FOUND, message);
      case 412 -> new VendorException(PRECONDITION_FAILED, message);
      default -> new VendorException(REJECTED, message);
    };
  }

  /** Some I/O errors quote the request URL, whose query holds sync and page tokens: the query is left out. */
  VendorException unreachable(IOException error) {
    String detail = String.valueOf(error.getMessage()).replaceAll("\\?\\S*", "?...");
    return new VendorException(UNAVAILABLE,
        "Google Calendar unreachable: " + error.getClass().getSimpleName() + ": " + detail);
  }

  /** Status, reason and Google's message, e.g. {@code 400 timeRangeEmpty: The specified time range is empty.} */
  static String describe(HttpResponseException error) {
    GoogleJsonError details = details(error);
    String message = details != null && details.getMessage() != null ? details.getMessage() : error.getStatusMessage();
    String reason = reason(error);
    return "Google Calendar answered " + error.getStatusCode() + (reason.isEmpty() ? "" : " " + reason) + ": " + message;
  }

  private static String reason(HttpResponseException error) {
    GoogleJsonError details = details(error);
    if (details == null || details.getErrors() == null || details.getErrors().isEmpty()
        || details.getErrors().get(0).getReason() == null) {
      return "";
    }
    return details.getErrors().get(0).getReason();
  }

  private static GoogleJsonError details(HttpResponseException error) {
    return error instanceof GoogleJsonResponseException json ? json.getDetails() : null;
  }
}
