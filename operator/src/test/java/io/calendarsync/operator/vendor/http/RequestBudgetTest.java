package io.calendarsync.operator.vendor.http;

import io.calendarsync.emulators.MutableClock;
import io.calendarsync.operator.vendor.VendorException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.calendarsync.operator.vendor.VendorException.Kind.RATE_LIMITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBudgetTest {

  private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-05T08:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  @Test
  void letsABurstThroughThenPacesAtTheRate() throws Exception {
    RequestBudget budget = new RequestBudget(4, 2, Duration.ofSeconds(5), clock, sleeper);

    for (int i = 0; i < 5; i++) {
      budget.acquire();
    }

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250));
  }

  @Test
  void refillsWhileIdle() throws Exception {
    RequestBudget budget = new RequestBudget(4, 2, Duration.ofSeconds(5), clock, sleeper);
    budget.acquire();
    budget.acquire();

    clock.advance(Duration.ofSeconds(10));
    budget.acquire();
    budget.acquire();

    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void refusesAWaitLongerThanTheBoundInsteadOfBlocking() throws Exception {
    // A clock that does not move while others hold reservations: callers queue up one interval apart.
    RequestBudget budget = new RequestBudget(1, 1, Duration.ofSeconds(2), clock, duration -> { });
    budget.acquire();
    budget.acquire();
    budget.acquire();

    assertThatThrownBy(budget::acquire).isInstanceOfSatisfying(VendorException.class, e -> {
      assertThat(e.kind()).isEqualTo(RATE_LIMITED);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    });
  }
}
