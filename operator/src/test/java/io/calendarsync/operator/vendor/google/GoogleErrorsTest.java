package io.calendarsync.operator.vendor.google;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import io.calendarsync.operator.vendor.VendorException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.calendarsync.operator.vendor.VendorException.Kind.AUTHORIZATION_REVOKED;
import static io.calendarsync.operator.vendor.VendorException.Kind.CALENDAR_NOT_FOUND;
import static io.calendarsync.operator.vendor.VendorException.Kind.CURSOR_EXPIRED;
import static io.calendarsync.operator.vendor.VendorException.Kind.NOT_FOUND;
import static io.calendarsync.operator.vendor.VendorException.Kind.PRECONDITION_FAILED;
import static io.calendarsync.operator.vendor.VendorException.Kind.RATE_LIMITED;
import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;
import static io.calendarsync.operator.vendor.VendorException.Kind.UNAVAILABLE;
import static io.calendarsync.operator.vendor.google.GoogleErrors.Addressed.CALENDAR;
import static io.calendarsync.operator.vendor.google.GoogleErrors.Addressed.EVENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole classification table, including answers the emulator has no reason to give. */
class GoogleErrorsTest {

  private final GoogleErrors errors = new GoogleErrors(Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC));

  @Test
  void throttlingIsRateLimitedWithGooglesRetryAfter() {
    VendorException tooMany = errors.classify(error(429, "rateLimitExceeded", "Rate Limit Exceeded", "3"), EVENT);
    VendorException userLimit = errors.classify(error(403, "userRateLimitExceeded", "User Rate Limit Exceeded", null),
        EVENT);

    assertThat(tooMany.kind()).isEqualTo(RATE_LIMITED);
    assertThat(tooMany.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(userLimit.kind()).isEqualTo(RATE_LIMITED);
    assertThat(userLimit.retryAfter()).isEmpty();
  }

  @Test
  void quotasThatLastHoursAskForAPauseBeyondAnyRetryBudget() {
    VendorException usage = errors.classify(error(403, "quotaExceeded", "Calendar usage limits exceeded.", null), EVENT);

    assertThat(usage.kind()).isEqualTo(RATE_LIMITED);
    assertThat(usage.retryAfter()).contains(Duration.ofHours(1));
  }

  @Test
  void aGrantWithoutTheCalendarScopeNeedsConsent() {
    assertThat(errors.classify(error(403, "insufficientPermissions", "Insufficient Permission", null), CALENDAR).kind())
        .isEqualTo(AUTHORIZATION_REVOKED);
  }

  @Test
  void notFoundMeansWhatTheRequestAddressed() {
    assertThat(errors.classify(error(404, "notFound", "Not Found", null), CALENDAR).kind()).isEqualTo(CALENDAR_NOT_FOUND);
    assertThat(errors.classify(error(404, "notFound", "Not Found", null), EVENT).kind()).isEqualTo(NOT_FOUND);
  }

  @Test
  void goneIsAnExpiredCursorOnlyWhenGoogleAsksForAFullSync() {
    assertThat(errors.classify(error(410, "fullSyncRequired", "Sync token is no longer valid", null), CALENDAR).kind())
        .isEqualTo(CURSOR_EXPIRED);
    assertThat(errors.classify(error(410, "deleted", "Resource has been deleted", null), EVENT).kind())
        .isEqualTo(NOT_FOUND);
  }

  @Test
  void refusalsCarryGooglesMessage() {
    VendorException refused = errors.classify(error(400, "timeRangeEmpty", "The specified time range is empty.", null),
        EVENT);
    VendorException forbidden = errors.classify(error(403, "requiredAccessLevel",
        "You need to have writer access to this calendar.", null), EVENT);

    assertThat(refused.kind()).isEqualTo(REJECTED);
    assertThat(refused.getMessage()).isEqualTo("Google Calendar answered 400 timeRangeEmpty: The specified time range is empty.");
    assertThat(forbidden.kind()).isEqualTo(REJECTED);
    assertThat(errors.classify(error(412, "conditionNotMet", "Precondition Failed", null), EVENT).kind())
        .isEqualTo(PRECONDITION_FAILED);
  }

  @Test
  void serverErrorsAndBodiesThatAreNotGooglesAreUnavailable() {
    HttpResponseException proxyPage = new HttpResponseException.Builder(502, "Bad Gateway", new HttpHeaders()).build();

    VendorException unavailable = errors.classify(proxyPage, EVENT);

    assertThat(unavailable.kind()).isEqualTo(UNAVAILABLE);
    assertThat(unavailable.getMessage()).isEqualTo("Google Calendar answered 502: Bad Gateway");
  }

  @Test
  void ioFailuresLeaveTheRequestQueryOut() {
    VendorException unreachable = errors.unreachable(new IOException(
        "Server returned HTTP response code: 502 for URL: https://www.googleapis.com/calendar/v3/calendars/primary/events?syncToken=CPDAlvWDx70CEPDAlvWDx70CGAU"));

    assertThat(unreachable.kind()).isEqualTo(UNAVAILABLE);
    assertThat(unreachable.getMessage()).doesNotContain("syncToken", "CPDA").contains("events?...");
    assertThat(unreachable.getCause()).isNull();
  }

  private static GoogleJsonResponseException error(int status, String reason, String message, String retryAfter) {
    GoogleJsonError.ErrorInfo info = new GoogleJsonError.ErrorInfo();
    info.setReason(reason);
    info.setMessage(message);
    GoogleJsonError details = new GoogleJsonError();
    details.setCode(status);
    details.setMessage(message);
    details.setErrors(List.of(info));
    HttpHeaders headers = new HttpHeaders().setRetryAfter(retryAfter);
    return new GoogleJsonResponseException(new HttpResponseException.Builder(status, message, headers), details);
  }
}
