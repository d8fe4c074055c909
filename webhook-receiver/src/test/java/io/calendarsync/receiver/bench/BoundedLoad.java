package io.calendarsync.receiver.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A closed-loop load generator: keeps at most {@code concurrency} operations in flight, stops after {@code count}
 * operations or {@code limit} time, whichever comes first, and records each operation's latency.
 */
final class BoundedLoad {

  private BoundedLoad() {}

  /**
   * @param operation starts operation number i; completes with whether it succeeded
   */
  static Result run(int count, Duration limit, int concurrency, IntFunction<CompletionStage<Boolean>> operation)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(concurrency);
    long[] latencies = new long[count];
    AtomicInteger succeeded = new AtomicInteger();
    long started = System.nanoTime();
    long deadline = started + limit.toNanos();
    int issued = 0;
    while (issued < count && System.nanoTime() < deadline) {
      inFlight.acquire();
      int index = issued++;
      long sent = System.nanoTime();
      operation.apply(index).whenComplete((success, failure) -> {
        latencies[index] = System.nanoTime() - sent;
        if (failure == null && success) {
          succeeded.incrementAndGet();
        }
        inFlight.release();
      });
    }
    // Taking every permit waits for the last operations (and makes their latencies visible here).
    inFlight.acquire(concurrency);
    long elapsed = System.nanoTime() - started;
    long[] measured = Arrays.copyOf(latencies, issued);
    Arrays.sort(measured);
    return new Result(issued, succeeded.get(), Duration.ofNanos(elapsed), measured);
  }

  /** What one run did; latencies sorted, in nanoseconds. */
  record Result(int operations, int succeeded, Duration elapsed, long[] latencies) {

    double perSecond() {
      return succeeded / (elapsed.toNanos() / 1e9);
    }

    double percentileMillis(double percentile) {
      if (latencies.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(percentile / 100 * latencies.length) - 1;
      return latencies[Math.max(rank, 0)] / 1e6;
    }
  }
}
