package io.calendarsync.receiver.config;

import io.calendarsync.receiver.support.ReceiverHarness;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flags, their defaults, and the messages a misconfigured receiver stops with. */
class ReceiverCommandTest {

  private static final Map<String, String> WITH_KEY = Map.of("CALENDAR_OAUTH_ENCRYPTION_KEY", ReceiverHarness.KEY_BASE64);

  @Test
  void flagsBecomeTheConfiguration() {
    ReceiverConfig config = parse("--redis-uri", "redis://redis:6379/0", "--port", "8443", "--management-port", "9443",
        "--public-url", "https://hooks.example.com", "--redis-timeout-ms", "1500").toConfig(WITH_KEY);

    assertThat(config.redisUri()).isEqualTo("redis://redis:6379/0");
    assertThat(config.port()).isEqualTo(8443);
    assertThat(config.managementPort()).isEqualTo(9443);
    assertThat(config.publicUrl()).isEqualTo(URI.create("https://hooks.example.com"));
    assertThat(config.redisTimeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void defaultsKeepWebhooksAndManagementOnSeparatePorts() {
    ReceiverCommand command = parse("--redis-uri", "redis://redis:6379");
    ReceiverConfig config = command.toConfig(WITH_KEY);

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.managementPort()).isEqualTo(9090);
    assertThat(config.publicUrl()).isNull();
    assertThat(config.redisTimeout()).isEqualTo(ReceiverConfig.DEFAULT_REDIS_TIMEOUT);
    assertThat(command.logFormat()).isEqualTo(LogFormat.text);
  }

  @Test
  void missingEncryptionKeyNamesTheVariable() {
    assertThatThrownBy(() -> parse("--redis-uri", "redis://redis:6379").toConfig(Map.of()))
        .hasMessageStartingWith("CALENDAR_OAUTH_ENCRYPTION_KEY is not set");
  }

  @Test
  void missingRedisUriNamesTheVariable() {
    assertThatThrownBy(() -> parse().toConfig(WITH_KEY))
        .hasMessageContaining("CALENDAR_SYNC_REDIS_URI");
  }

  @Test
  void nonsenseIsRefusedAtStartUp() {
    assertThatThrownBy(() -> parse("--redis-uri", "redis://r", "--port", "9090").toConfig(WITH_KEY))
        .hasMessageContaining("management port must differ");
    assertThatThrownBy(() -> parse("--redis-uri", "redis://r", "--public-url", "hooks.example.com").toConfig(WITH_KEY))
        .hasMessageContaining("public URL");
    assertThatThrownBy(() -> parse("--log-format", "xml")).isInstanceOf(CommandLine.ParameterException.class);
  }

  @Test
  void usageNamesEveryVariableAndOffersNoFlagForTheKey() {
    String usage = new CommandLine(new ReceiverCommand()).getUsageMessage();

    assertThat(usage).contains("CALENDAR_SYNC_REDIS_URI", "CALENDAR_SYNC_RECEIVER_PORT",
        "CALENDAR_SYNC_RECEIVER_MANAGEMENT_PORT", "CALENDAR_SYNC_LOG_FORMAT", "CALENDAR_OAUTH_ENCRYPTION_KEY");
    assertThat(usage).doesNotContain("--encryption-key");
  }

  private static ReceiverCommand parse(String... args) {
    ReceiverCommand command = new ReceiverCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
