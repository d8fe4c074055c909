package io.calendarsync.operator.vendor.http;

import io.calendarsync.operator.vendor.VendorException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static io.calendarsync.operator.vendor.VendorException.Kind.RATE_LIMITED;

/**
 * The request rate one vendor gets from this operator, shared by all providers of that vendor: a token bucket of
 * {@code burst} requests refilled at {@code requestsPerSecond} (kept as a "theoretical arrival time", GCRA style).
 *
 * <p>Each request reserves the next free slot and then waits for it outside the lock, so requests are served in the
 * order they asked. A sync issues its requests one after another and so holds at most one reservation at a time: a
 * provider in a long full sync gets its turn between other providers' requests and cannot push them back by more
 * than one slot each. A request whose slot is further away than {@code maxWait} is refused ({@code RATE_LIMITED} with
 * the wait as retry-after) instead of queueing without bound.
 */
public final class RequestBudget {

  private final Duration interval;
  private final Duration burstAllowance;
  private final Duration maxWait;
  private final Clock clock;
  private final Sleeper sleeper;
  private Instant theoreticalArrival = Instant.MIN;

  public RequestBudget(double requestsPerSecond, int burst, Duration maxWait, Clock clock, Sleeper sleeper) {
    if (!(requestsPerSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("a request budget needs a positive rate and a burst of at least 1");
    }
    this.interval = Duration.ofNanos(Math.round(1_000_000_000d / requestsPerSecond));
    this.burstAllowance = interval.multipliedBy(burst - 1L);
    this.maxWait = maxWait;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Returns when the caller may send one request; waits at most {@code maxWait}. */
  public void acquire() throws VendorException {
    Duration wait = reserve();
    if (wait.isZero()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VendorException(RATE_LIMITED, "interrupted while waiting for the request budget", wait, e);
    }
  }

  private synchronized Duration reserve() throws VendorException {
    Instant now = clock.instant();
    Instant arrival = theoreticalArrival.isAfter(now) ? theoreticalArrival : now;
    Duration wait = Duration.between(now, arrival.minus(burstAllowance));
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    if (wait.compareTo(maxWait) > 0) {
      throw new VendorException(RATE_LIMITED, "the vendor's request budget is spent for the next "
          + wait.toMillis() + " ms", wait, null);
    }
    theoreticalArrival = arrival.plus(interval);
    return wait;
  }
}
