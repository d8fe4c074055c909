package io.calendarsync.operator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up refuses to run without a usable encryption key (what it keeps in Redis would be unreadable or unsigned):
 * exit code 2, a message naming CALENDAR_OAUTH_ENCRYPTION_KEY, and never a character of a wrong key.
 */
class OperatorMainTest {

  private record Exit(int code, String output) {}

  @Test
  void aMissingKeyStopsStartUpWithAMessageNamingTheVariable() throws Exception {
    Exit exit = run(Map.of());

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.output()).contains("CALENDAR_OAUTH_ENCRYPTION_KEY is not set");
  }

  @Test
  void aMalformedKeyStopsStartUpWithoutShowingIt() throws Exception {
    String wrong = "not-a-key-Zq7!";
    Exit exit = run(Map.of("CALENDAR_OAUTH_ENCRYPTION_KEY", wrong));

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.output()).contains("CALENDAR_OAUTH_ENCRYPTION_KEY is not valid base64").doesNotContain(wrong)
        .doesNotContain("Zq7");
  }

  private static Exit run(Map<String, String> environment) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), OperatorMain.class.getName()))
        .redirectErrorStream(true);
    builder.environment().remove("CALENDAR_OAUTH_ENCRYPTION_KEY");
    // Everything else is valid, so the key is what stops it (nothing is connected before the check).
    builder.environment().put("CALENDAR_SYNC_DATABASE_URL", "jdbc:postgresql://127.0.0.1:9/none");
    builder.environment().put("CALENDAR_SYNC_REDIS_URI", "redis://127.0.0.1:9");
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Exit(process.exitValue(), output);
  }
}
