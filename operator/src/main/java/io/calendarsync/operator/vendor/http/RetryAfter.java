package io.calendarsync.operator.vendor.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header (RFC 9110: delay-seconds or an HTTP-date). */
public final class RetryAfter {

  private RetryAfter() {
  }

  /** The delay the header asks for; empty when absent or unreadable. A date in the past asks for no delay. */
  public static Optional<Duration> parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration delay = Duration.between(clock.instant(), at);
        return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
