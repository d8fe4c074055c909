package io.calendarsync.operator.vendor.http;

import java.time.Duration;

/** Waits between attempts; tests substitute one that records the waits and moves a test clock instead. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
