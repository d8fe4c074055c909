package io.calendarsync.operator.vendor.google;

import io.calendarsync.emulators.http.Fault;
import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.vendor.EventContent;
import io.calendarsync.operator.vendor.ExternalCalendar;
import io.calendarsync.operator.vendor.TimeWindow;
import io.calendarsync.operator.vendor.VendorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static io.calendarsync.operator.vendor.VendorException.Kind.AUTHORIZATION_REVOKED;
import static io.calendarsync.operator.vendor.VendorException.Kind.CALENDAR_NOT_FOUND;
import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;
import static io.calendarsync.operator.vendor.VendorException.Kind.UNAVAILABLE;
import static io.calendarsync.operator.vendor.google.GoogleEmulatorFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Throttling, outages, refused content, missing calendars and broken grants, as Google answers them. */
class GoogleFailuresTest {

  private static final String LIST = "GET /calendar/v3/calendars/{calendarId}/events";
  private static final String INSERT = "POST /calendar/v3/calendars/{calendarId}/events";
  private static final String EVENTS = "/calendar/v3/calendars/\\{calendarId\\}/events";
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));
  private static final EventContent VISIT = Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z");

  private GoogleEmulatorFixture google;
  private ExternalCalendar calendar;

  @BeforeEach
  void start() throws Exception {
    google = GoogleEmulatorFixture.start();
    calendar = google.open();
  }

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void aStormOfTooManyRequestsIsRiddenOutAsRetryAfterAsks() throws Exception {
    google.emulator.faults().add(Fault.status(429).retryAfter(1).times(5).on("GET", EVENTS));

    calendar.changesSince(Optional.empty(), WINDOW);

    assertThat(google.sleeper.waits()).isEqualTo(Collections.nCopies(5, Duration.ofSeconds(1)));
    assertThat(google.emulator.requests().get(LIST)).isEqualTo(6);
  }

  @Test
  void rateLimitForbiddenAnswersAreRetriedWithBackoff() throws Exception {
    google.emulator.faults().add(Fault.status(403).withCode("userRateLimitExceeded", "User Rate Limit Exceeded")
        .times(2).on("POST", EVENTS));

    calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty());

    assertThat(google.sleeper.waits()).hasSize(2);
    assertThat(google.sleeper.waits().get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(google.sleeper.waits().get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(google.emulator.calendars().events(USER, "primary")).hasSize(1);
  }

  @Test
  void serverErrorsBeyondTheRetryBudgetAreUnavailable() {
    google.emulator.faults().add(Fault.status(503).times(100).on("POST", EVENTS));

    assertThatThrownBy(() -> calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty()))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.kind()).isEqualTo(UNAVAILABLE);
          assertThat(e.getMessage()).contains("503", "gave up after 8 attempts");
          assertThat(e.retryAfter()).isPresent();
        });
    assertThat(google.emulator.requests().get(INSERT)).isEqualTo(8);
    assertThat(google.emulator.calendars().events(USER, "primary")).isEmpty();
  }

  /** EventContent cannot hold an end before its start, so an invalid rule stands in for Google's content checks. */
  @Test
  void contentGoogleRefusesIsRejectedWithGooglesMessageAndNotRetried() {
    EventContent broken = new EventContent("Stand-up", null, null, VISIT.timing(), VISIT.timeZone(),
        List.of("RRULE:FREQ=SOMETIMES"), EntryStatus.CONFIRMED, false);

    assertThatThrownBy(() -> calendar.create("acme/e1#1", broken, "acme/e1", Optional.empty()))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.kind()).isEqualTo(REJECTED);
          assertThat(e.getMessage()).contains("400", "Invalid recurrence rule");
        });
    assertThat(google.emulator.requests().get(INSERT)).isEqualTo(1);
  }

  @Test
  void anUnknownCalendarIsCalendarNotFound() {
    assertThatThrownBy(() -> google.connector.open(
        google.target("alice-team", google.refreshToken, "nobody@group.calendar.google.com")))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(CALENDAR_NOT_FOUND));
  }

  @Test
  void aRevokedGrantIsAuthorizationRevokedAfterOneRefusal() {
    google.emulator.oauth().revokeGrant(google.refreshToken);

    assertThatThrownBy(() -> calendar.changesSince(Optional.empty(), WINDOW))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(AUTHORIZATION_REVOKED));
    assertThat(google.emulator.unauthorizedCount()).isEqualTo(1);
    assertThat(google.emulator.tokenRequests().get("refresh_token:invalid_grant")).isEqualTo(1);
    assertThat(google.sleeper.waits()).isEmpty();
  }

  @Test
  void aTokenTheVendorDroppedEarlyIsReplacedOnce() throws Exception {
    google.vendorClock.advance(Duration.ofHours(2));

    calendar.changesSince(Optional.empty(), WINDOW);

    assertThat(google.emulator.unauthorizedCount()).isEqualTo(1);
    assertThat(google.emulator.tokenRequests().get("refresh_token:ok")).isEqualTo(2);
  }
}
