package io.calendarsync.operator.vendor.http;

import io.calendarsync.operator.vendor.VendorException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

import static io.calendarsync.operator.vendor.VendorException.Kind.RATE_LIMITED;
import static io.calendarsync.operator.vendor.VendorException.Kind.UNAVAILABLE;

/**
 * Retries a vendor call while the vendor throttles ({@code RATE_LIMITED}) or is unavailable ({@code UNAVAILABLE}):
 * waits what the vendor's Retry-After asks, else an exponential backoff with jitter (so providers throttled together do
 * not come back together), within a bounded number of attempts and total time. Then it gives up with the last failure's
 * kind and a retry-after hint, so the caller reschedules instead of blocking its thread any longer. Other failures are
 * final at once: retrying a refused event or a revoked grant only burns quota.
 */
public final class RetryPolicy {

  /**
   * @param maxAttempts attempts in all, the first included
   * @param firstBackoff the wait after the first failure without Retry-After; doubled after each further one
   * @param maxBackoff cap of one backoff wait
   * @param maxTotal time from the first attempt after which no further wait starts
   */
  public record Limits(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxTotal) {

    public Limits {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      Objects.requireNonNull(firstBackoff, "firstBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      Objects.requireNonNull(maxTotal, "maxTotal");
    }

    /** Rides out a short storm of throttling (Google asks for about a second at a time) without holding a sync long. */
    public static Limits standard() {
      return new Limits(8, Duration.ofSeconds(1), Duration.ofSeconds(16), Duration.ofMinutes(1));
    }
  }

  private static final Set<VendorException.Kind> TRANSIENT = Set.of(RATE_LIMITED, UNAVAILABLE);

  private final Limits limits;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  public RetryPolicy(Limits limits, Clock clock, Sleeper sleeper, RandomGenerator random) {
    this.limits = limits;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
  }

  public <T> T call(VendorCall<T> call) throws VendorException {
    Instant deadline = clock.instant().plus(limits.maxTotal());
    for (int attempt = 1; ; attempt++) {
      try {
        return call.call();
      } catch (VendorException failure) {
        if (!TRANSIENT.contains(failure.kind())) {
          throw failure;
        }
        int failedAttempts = attempt;
        Duration wait = failure.retryAfter().orElseGet(() -> backoff(failedAttempts));
        if (attempt >= limits.maxAttempts() || clock.instant().plus(wait).isAfter(deadline)) {
          throw new VendorException(failure.kind(), failure.getMessage() + " (gave up after " + attempt
              + (attempt == 1 ? " attempt)" : " attempts)"), wait, failure);
        }
        pause(wait, failure);
      }
    }
  }

  /** "Equal jitter": between half and all of the exponential step, so waits grow and yet spread out. */
  Duration backoff(int failedAttempts) {
    long step = limits.firstBackoff().toMillis() << Math.min(failedAttempts - 1, 30);
    long capped = Math.min(step, limits.maxBackoff().toMillis());
    return Duration.ofMillis(capped / 2 + random.nextLong(capped / 2 + 1));
  }

  private void pause(Duration wait, VendorException failure) throws VendorException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VendorException(failure.kind(), "interrupted while waiting to retry: " + failure.getMessage(), wait, e);
    }
  }
}
