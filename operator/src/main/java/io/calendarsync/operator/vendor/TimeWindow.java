package io.calendarsync.operator.vendor;

import java.time.Instant;

/** The stretch of time a provider syncs ({@code spec.syncWindow} around now). */
public record TimeWindow(Instant start, Instant end) {

  public TimeWindow {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("window end " + end + " must be after its start " + start);
    }
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
