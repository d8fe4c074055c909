package io.calendarsync.receiver.config;

import io.calendarsync.api.crypto.EncryptionKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The receiver's flags. Each has an environment variable (what the Helm chart sets) and a default; a flag wins over
 * its variable. The encryption key has no flag on purpose: a flag would show it in the process list.
 */
@Command(name = "calendar-sync-webhook-receiver", mixinStandardHelpOptions = true,
    description = "Receives Google and Microsoft Graph push notifications and OAuth redirects, verifies them and "
        + "hands them to the operator through Redis.",
    footer = "%nThe encryption key (base64 of 32 bytes, the operator's) is read from the environment variable "
        + EncryptionKey.ENVIRONMENT_VARIABLE + " only.")
public class ReceiverCommand {

  @Option(names = "--redis-uri", defaultValue = "${env:CALENDAR_SYNC_REDIS_URI:-}",
      description = "Redis URI, e.g. redis://:password@redis:6379/0 or rediss://... (env CALENDAR_SYNC_REDIS_URI).")
  String redisUri;

  @Option(names = "--port", defaultValue = "${env:CALENDAR_SYNC_RECEIVER_PORT:-8080}",
      description = "Port of the webhooks and OAuth callbacks (env CALENDAR_SYNC_RECEIVER_PORT).")
  int port;

  @Option(names = "--management-port", defaultValue = "${env:CALENDAR_SYNC_RECEIVER_MANAGEMENT_PORT:-9090}",
      description = "Port of /healthz, /readyz and /metrics (env CALENDAR_SYNC_RECEIVER_MANAGEMENT_PORT).")
  int managementPort;

  @Option(names = "--public-url", defaultValue = "${env:CALENDAR_SYNC_RECEIVER_PUBLIC_URL:-}",
      description = "Public base URL, for OAuth redirect URIs; empty: taken from each request "
          + "(env CALENDAR_SYNC_RECEIVER_PUBLIC_URL).")
  String publicUrl;

  @Option(names = "--redis-timeout-ms", defaultValue = "${env:CALENDAR_SYNC_REDIS_TIMEOUT_MS:-2000}",
      description = "Longest wait for Redis before answering 503 (env CALENDAR_SYNC_REDIS_TIMEOUT_MS).")
  long redisTimeoutMillis;

  @Option(names = "--log-format", defaultValue = "${env:CALENDAR_SYNC_LOG_FORMAT:-text}",
      description = "text or json (env CALENDAR_SYNC_LOG_FORMAT).")
  LogFormat logFormat;

  @Option(names = "--log-level", defaultValue = "${env:CALENDAR_SYNC_LOG_LEVEL:-INFO}",
      description = "Level of the receiver's own loggers (env CALENDAR_SYNC_LOG_LEVEL).")
  String logLevel;

  public LogFormat logFormat() {
    return logFormat;
  }

  public String logLevel() {
    return logLevel;
  }

  /**
   * @param environment where the encryption key is read from (the process environment in production)
   * @throws IllegalArgumentException naming the setting that is missing or wrong
   */
  public ReceiverConfig toConfig(Map<String, String> environment) {
    return new ReceiverConfig(redisUri, EncryptionKey.fromBase64(environment.get(EncryptionKey.ENVIRONMENT_VARIABLE)),
        port, managementPort, publicUrl.isBlank() ? null : URI.create(publicUrl.strip()),
        Duration.ofMillis(redisTimeoutMillis));
  }
}
