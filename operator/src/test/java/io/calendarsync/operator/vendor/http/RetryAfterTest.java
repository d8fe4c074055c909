package io.calendarsync.operator.vendor.http;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsSecondsAndHttpDates() {
    assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Mon, 05 Jan 2026 08:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Mon, 05 Jan 2026 07:00:00 GMT", clock)).contains(Duration.ZERO);
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertThat(RetryAfter.parse(null, clock)).isEmpty();
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
  }
}
