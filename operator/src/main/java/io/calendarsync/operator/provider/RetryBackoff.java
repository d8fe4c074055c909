package io.calendarsync.operator.provider;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Spacing of retries after failed syncs, per provider: exponential with jitter, never sooner than the vendor's
 * Retry-After, capped, and reset by a success. Keeps a failing vendor from being hammered in a loop.
 */
final class RetryBackoff {

  private final Duration base;
  private final Duration max;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  RetryBackoff(Duration base, Duration max) {
    this.base = base;
    this.max = max;
  }

  Duration next(String key, Optional<Duration> retryAfter) {
    int attempt = failures.merge(key, 1, Integer::sum);
    return delay(attempt, retryAfter);
  }

  Duration delay(int attempt, Optional<Duration> retryAfter) {
    long exponential = base.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(exponential, max.toMillis());
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    long floor = retryAfter.map(Duration::toMillis).orElse(0L);
    return Duration.ofMillis(Math.max(jittered, floor));
  }

  void reset(String key) {
    failures.remove(key);
  }
}
