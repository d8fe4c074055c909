package io.calendarsync.operator.vendor.google;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.calendarsync.operator.vendor.TimeWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GoogleConnectorTest {

  private GoogleEmulatorFixture google;

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void allProvidersOfTheConnectorShareItsRequestBudget() throws Exception {
    google = GoogleEmulatorFixture.withBudget(2, 1);
    String bobsGrant = google.grant("bob@example.com");

    google.open();
    google.connector.open(google.target("bob-google", bobsGrant, "primary"));
    google.open().changesSince(Optional.empty(), new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-02-01T00:00:00Z")));

    assertThat(google.sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  void anIncrementalSyncCostsOnlyItsListPagesTheCalendarIsReadOnceAnHour() throws Exception {
    google = GoogleEmulatorFixture.start();
    google.open();
    google.emulator.requests().reset();

    google.open();
    assertThat(calendarApiRequests()).isZero();

    google.clock.advance(Duration.ofMinutes(61));
    google.open();
    assertThat(calendarApiRequests()).isEqualTo(1);
  }

  private long calendarApiRequests() {
    return google.emulator.requests().snapshot().entrySet().stream()
        .filter(e -> e.getKey().contains("/calendar/v3/"))
        .mapToLong(java.util.Map.Entry::getValue)
        .sum();
  }
}
