package io.calendarsync.operator.vendor.http;

import io.calendarsync.emulators.MutableClock;
import io.calendarsync.operator.vendor.VendorException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static io.calendarsync.operator.vendor.VendorException.Kind.PRECONDITION_FAILED;
import static io.calendarsync.operator.vendor.VendorException.Kind.RATE_LIMITED;
import static io.calendarsync.operator.vendor.VendorException.Kind.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

  private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-05T08:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final RetryPolicy policy = new RetryPolicy(
      new RetryPolicy.Limits(5, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(30)),
      clock, sleeper, new Random(7));

  @Test
  void retriesThrottlingForAsLongAsRetryAfterAsks() throws Exception {
    AtomicInteger calls = new AtomicInteger();

    String answer = policy.call(() -> {
      if (calls.incrementAndGet() < 4) {
        throw new VendorException(RATE_LIMITED, "slow down", Duration.ofSeconds(3), null);
      }
      return "done";
    });

    assertThat(answer).isEqualTo("done");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  @Test
  void backsOffExponentiallyWithJitterWithinTheCap() throws Exception {
    AtomicInteger calls = new AtomicInteger();

    policy.call(() -> {
      if (calls.incrementAndGet() < 5) {
        throw new VendorException(UNAVAILABLE, "503");
      }
      return null;
    });

    assertThat(sleeper.waits()).hasSize(4);
    long[] steps = {1000, 2000, 4000, 8000};
    for (int i = 0; i < steps.length; i++) {
      assertThat(sleeper.waits().get(i).toMillis()).as("wait %d", i + 1).isBetween(steps[i] / 2, steps[i]);
    }
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheKindAndARetryAfterHint() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> policy.call(() -> {
      calls.incrementAndGet();
      throw new VendorException(UNAVAILABLE, "backend error");
    })).isInstanceOfSatisfying(VendorException.class, e -> {
      assertThat(e.kind()).isEqualTo(UNAVAILABLE);
      assertThat(e.getMessage()).contains("backend error", "gave up after 5 attempts");
      assertThat(e.retryAfter()).isPresent();
    });
    assertThat(calls).hasValue(5);
    assertThat(sleeper.waits()).hasSize(4);
  }

  @Test
  void neverStartsAWaitThatWouldEndPastTheTotalTime() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> policy.call(() -> {
      calls.incrementAndGet();
      throw new VendorException(RATE_LIMITED, "quota", Duration.ofSeconds(20), null);
    })).isInstanceOfSatisfying(VendorException.class, e -> {
      assertThat(e.kind()).isEqualTo(RATE_LIMITED);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
    });
    assertThat(calls).hasValue(2);
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(20));
  }

  @Test
  void doesNotRetryFailuresThatAnotherAttemptCannotFix() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> policy.call(() -> {
      calls.incrementAndGet();
      throw new VendorException(PRECONDITION_FAILED, "412");
    })).isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(PRECONDITION_FAILED));
    assertThat(calls).hasValue(1);
    assertThat(sleeper.waits()).isEmpty();
  }
}
