package io.calendarsync.operator.notify;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to the Redis stream {@code calsync:events}, trimmed to about 100,000 entries. Each entry has {@code type},
 * {@code at} (epoch ms) and the event's fields; none carries a secret. It connects on first use and again after a
 * failure, so the operator starts and syncs while Redis is down; an event published meanwhile is lost, never a sync.
 */
public final class RedisEventStream implements EventStream, AutoCloseable {

  public static final String STREAM = "calsync:events";
  private static final Logger LOG = LoggerFactory.getLogger(RedisEventStream.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final RedisClient client;
  private final Clock clock;
  private StatefulRedisConnection<String, String> connection;

  public RedisEventStream(RedisClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  @Override
  public void publish(String type, Map<String, String> fields) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("type", type);
    entry.put("at", Long.toString(clock.millis()));
    entry.putAll(fields);
    try {
      connection().async().xadd(STREAM, XAddArgs.Builder.maxlen(100_000).approximateTrimming(), entry)
          .toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RedisException | ExecutionException | TimeoutException e) {
      LOG.warn("could not publish {} to {}: {}", type, STREAM, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized StatefulRedisConnection<String, String> connection() {
    if (connection == null || !connection.isOpen()) {
      connection = client.connect();
    }
    return connection;
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
  }
}
