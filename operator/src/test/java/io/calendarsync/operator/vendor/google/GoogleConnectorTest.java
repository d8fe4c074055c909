package io.calendarsync.operator.vendor.google;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

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
    google.open();

    assertThat(google.sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
  }
}
