package io.calendarsync.api.v1alpha1;

import java.time.Duration;
import java.util.regex.Matcher;

/**
 * Durations in the Go/Kubernetes notation ({@code 90s}, {@code 15m}, {@code 1h30m}) that the API server's CEL
 * {@code duration()} also understands, so the schema and the operator agree on what a value means.
 */
public final class Durations {

  /** The schema pattern for spec duration fields. */
  public static final String PATTERN = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";

  private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");

  private Durations() {}

  /** Parses a duration that matches {@link #PATTERN}; anything else is refused with a message naming the value. */
  public static Duration parse(String value) {
    if (value == null || !value.matches(PATTERN)) {
      throw new IllegalArgumentException("'" + value + "' is not a duration such as 90s, 15m or 1h30m");
    }
    Matcher m = PART.matcher(value);
    double nanos = 0;
    while (m.find()) {
      double amount = Double.parseDouble(m.group(1));
      nanos += amount * switch (m.group(2)) {
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
    }
    return Duration.ofNanos(Math.round(nanos));
  }
}
