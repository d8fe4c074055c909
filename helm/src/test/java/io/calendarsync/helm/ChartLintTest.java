package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

/** `helm lint` is what chart repositories and CI run first; it also validates the default values against the schema. */
class ChartLintTest {

  @Test
  void lintPasses() {
    LintResult result = Chart.helm().lint().call();

    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]"));
  }

  @Test
  void strictLintPassesWithoutWarnings() {
    // --strict turns warnings into failures and makes templates fail on references to values that do not exist.
    LintResult result = Chart.helm().lint().strict().call();

    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }
}
