package io.calendarsync.operator.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** When an entry happens: between two instants, or on whole days. */
public sealed interface EntryTiming {

  /** From {@code start} (inclusive) to {@code end} (exclusive); end is after start. */
  record Timed(Instant start, Instant end) implements EntryTiming {
    public Timed {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("end " + end + " must be after start " + start);
      }
    }
  }

  /**
   * Whole days from {@code startDate} to {@code endDate}, end exclusive: a one-day entry on 2 March ends on 3 March,
   * as both vendors count.
   */
  record AllDay(LocalDate startDate, LocalDate endDate) implements EntryTiming {
    public AllDay {
      Objects.requireNonNull(startDate, "startDate");
      Objects.requireNonNull(endDate, "endDate");
      if (!endDate.isAfter(startDate)) {
        throw new IllegalArgumentException("end date " + endDate + " (exclusive) must be after start date " + startDate);
      }
    }
  }
}
