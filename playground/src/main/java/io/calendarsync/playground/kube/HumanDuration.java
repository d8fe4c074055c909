package io.calendarsync.playground.kube;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Ages the way kube-apiserver renders {@code date} Table cells ({@code metatable.ConvertToHumanReadableDateType},
 * which calls apimachinery's {@code duration.HumanDuration}): {@code 45s}, {@code 3m12s}, {@code 14m}, {@code 5h3m},
 * {@code 3d4h}, {@code 120d}, {@code 2y30d}.
 */
final class HumanDuration {

  private static final Clock CLOCK = Clock.systemUTC();

  private HumanDuration() {
  }

  /** The age of an RFC 3339 timestamp; {@code <unknown>} when absent, {@code <invalid>} when unparsable. */
  static String since(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      return "<unknown>";
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      return "<invalid>";
    }
    return format(Duration.between(instant, CLOCK.instant()));
  }

  static String format(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = d.toMinutes();
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = d.toHours();
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
    }
    return hours / 24 / 365 + "y";
  }
}
