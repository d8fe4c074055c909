package io.calendarsync.operator.vendor.microsoft;

import io.calendarsync.emulators.http.Fault;
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
import java.util.Optional;

import static io.calendarsync.operator.vendor.VendorException.Kind.AUTHORIZATION_REVOKED;
import static io.calendarsync.operator.vendor.VendorException.Kind.CALENDAR_NOT_FOUND;
import static io.calendarsync.operator.vendor.VendorException.Kind.RATE_LIMITED;
import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;
import static io.calendarsync.operator.vendor.VendorException.Kind.UNAVAILABLE;
import static io.calendarsync.operator.vendor.microsoft.GraphEmulatorFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Throttling, outages, refused content, missing calendars, broken grants and rotating refresh tokens. */
class OutlookFailuresTest {

  private static final String FIRST_DELTA = "GET /v1.0/me/calendars/{calendarId}/calendarView/delta()";
  private static final String CREATE = "POST /v1.0/me/calendars/{calendarId}/events";
  private static final String EVENTS = ".*/events";
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));
  private static final EventContent VISIT = Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z");

  private GraphEmulatorFixture graph;
  private ExternalCalendar calendar;

  @BeforeEach
  void start() throws Exception {
    graph = GraphEmulatorFixture.start();
    calendar = graph.open();
  }

  @AfterEach
  void stop() {
    graph.close();
  }

  /** The SDK's own retry handler is out: each 429 reaches our policy once, which waits what Retry-After asks. */
  @Test
  void aStormOfTooManyRequestsIsRiddenOutAsRetryAfterAsks() throws Exception {
    graph.emulator.faults().add(Fault.status(429).retryAfter(2).times(5).on("GET", ".*calendarView/delta.*"));

    calendar.changesSince(Optional.empty(), WINDOW);

    assertThat(graph.sleeper.waits()).isEqualTo(Collections.nCopies(5, Duration.ofSeconds(2)));
    assertThat(graph.emulator.requests().get(FIRST_DELTA)).isEqualTo(6);
  }

  @Test
  void throttlingThatOutlastsTheRetryBudgetIsRateLimited() {
    graph.emulator.faults().add(Fault.status(429).retryAfter(30).times(100).on("POST", EVENTS));

    assertThatThrownBy(() -> calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty()))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.kind()).isEqualTo(RATE_LIMITED);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        });
    assertThat(graph.sleeper.waits()).as("within the policy's minute").containsExactly(Duration.ofSeconds(30),
        Duration.ofSeconds(30));
    assertThat(graph.emulator.requests().get(CREATE)).isEqualTo(3);
  }

  @Test
  void serverErrorsBeyondTheRetryBudgetAreUnavailable() {
    graph.emulator.faults().add(Fault.status(503).times(100).on("POST", EVENTS));

    assertThatThrownBy(() -> calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty()))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.kind()).isEqualTo(UNAVAILABLE);
          assertThat(e.getMessage()).contains("503", "gave up after 8 attempts");
        });
    assertThat(graph.emulator.requests().get(CREATE)).isEqualTo(8);
    assertThat(graph.emulator.calendars().events(USER, "calendar")).isEmpty();
  }

  @Test
  void contentGraphRefusesIsRejectedWithGraphsMessageAndNotRetried() {
    graph.emulator.faults().add(Fault.status(400).withCode("ErrorInvalidRequest", "The subject is too long.")
        .on("POST", EVENTS));

    assertThatThrownBy(() -> calendar.create("acme/e1#1", VISIT, "acme/e1", Optional.empty()))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.kind()).isEqualTo(REJECTED);
          assertThat(e.getMessage()).contains("400", "ErrorInvalidRequest", "The subject is too long.");
        });
    assertThat(graph.emulator.requests().get(CREATE)).isEqualTo(1);
  }

  @Test
  void anUnknownCalendarIsCalendarNotFound() {
    assertThatThrownBy(() -> graph.open("AAMkAGnosuchcalendar"))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(CALENDAR_NOT_FOUND));
  }

  @Test
  void aRevokedGrantIsAuthorizationRevokedAfterOneRefusal() {
    graph.emulator.oauth().revokeGrant(graph.refreshToken);

    assertThatThrownBy(() -> calendar.changesSince(Optional.empty(), WINDOW))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(AUTHORIZATION_REVOKED));
    assertThat(graph.emulator.unauthorizedCount()).isEqualTo(1);
    assertThat(graph.emulator.tokenRequests().get("refresh_token:invalid_grant")).isEqualTo(1);
    assertThat(graph.sleeper.waits()).isEmpty();
  }

  /** Microsoft rotates the refresh token on every refresh and here refuses the one it replaced. */
  @Test
  void syncsKeepWorkingWhileTheRefreshTokenRotates() throws Exception {
    graph.emulator.oauth().setRevokePreviousRefreshToken(true);

    for (int sync = 0; sync < 3; sync++) {
      graph.clock.advance(Duration.ofHours(2));
      graph.vendorClock.advance(Duration.ofHours(2));
      graph.open().changesSince(Optional.empty(), WINDOW);
    }

    assertThat(graph.emulator.tokenRequests().get("refresh_token:ok")).isEqualTo(4);
    assertThat(graph.emulator.tokenRequests().get("refresh_token:invalid_grant")).isZero();
    assertThat(graph.emulator.unauthorizedCount()).isZero();
  }
}
