package io.calendarsync.playground.kube;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Same outputs as apimachinery's duration.HumanDuration. */
class HumanDurationTest {

  @ParameterizedTest
  @CsvSource({
      "-5, <invalid>", "-1, 0s", "0, 0s", "45, 45s", "119, 119s", "120, 2m", "192, 3m12s", "599, 9m59s",
      "600, 10m", "10799, 179m", "10800, 3h", "18180, 5h3m", "28800, 8h", "172799, 47h", "172800, 2d",
      "273600, 3d4h", "691200, 8d", "63071999, 729d", "63072000, 2y", "65664000, 2y30d", "252460800, 8y"})
  void rendersLikeKubectl(long seconds, String expected) {
    assertThat(HumanDuration.format(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }
}
