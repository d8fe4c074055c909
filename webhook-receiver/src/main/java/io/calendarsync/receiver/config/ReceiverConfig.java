package io.calendarsync.receiver.config;

import io.calendarsync.api.crypto.EncryptionKey;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the receiver is told at start-up. Built from flags and environment by {@link ReceiverCommand}; tests and
 * the benchmark build it directly.
 *
 * @param redisUri where the channel registry and the streams live, such as {@code redis://:password@redis:6379/0}
 * @param encryptionKey encrypts OAuth codes and derives the consent-state signing key; the operator's key
 * @param port port of the webhooks and OAuth callbacks (the one behind the Ingress); 0 picks a free one
 * @param managementPort port of /healthz, /readyz and /metrics, kept off the public port; 0 picks a free one
 * @param publicUrl the receiver's public base URL, from which OAuth redirect URIs are built; {@code null}: taken from
 *     each request (honouring X-Forwarded-* from the Ingress)
 * @param redisTimeout the most a request waits for Redis before answering 503; below Graph's 3 seconds
 */
public record ReceiverConfig(
    String redisUri,
    EncryptionKey encryptionKey,
    int port,
    int managementPort,
    URI publicUrl,
    Duration redisTimeout) {

  public static final Duration DEFAULT_REDIS_TIMEOUT = Duration.ofSeconds(2);

  public ReceiverConfig {
    if (redisUri == null || redisUri.isBlank()) {
      throw new IllegalArgumentException("the Redis URI is not set: set CALENDAR_SYNC_REDIS_URI or --redis-uri");
    }
    Objects.requireNonNull(encryptionKey, "encryptionKey");
    requirePort(port, "port");
    requirePort(managementPort, "management port");
    if (port != 0 && port == managementPort) {
      throw new IllegalArgumentException("the management port must differ from the webhook port " + port);
    }
    if (publicUrl != null && !(publicUrl.isAbsolute() && publicUrl.getScheme().matches("https?")
        && publicUrl.getHost() != null && publicUrl.getRawQuery() == null)) {
      throw new IllegalArgumentException("the public URL must be an absolute http(s) URL without a query");
    }
    if (redisTimeout.isNegative() || redisTimeout.isZero()) {
      throw new IllegalArgumentException("the Redis timeout must be positive");
    }
  }

  private static void requirePort(int port, String name) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("the " + name + " must be between 0 and 65535, not " + port);
    }
  }
}
