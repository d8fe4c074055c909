package io.calendarsync.operator.notify;

import io.lettuce.core.RedisException;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes to the Redis stream {@code calsync:events}, trimmed to about 100,000 entries. Each entry has {@code type},
 * {@code at} (epoch ms) and the event's fields; none carries a secret. A Redis outage loses the event, never a sync.
 */
public final class RedisEventStream implements EventStream {

  public static final String STREAM = "calsync:events";
  private static final Logger LOG = LoggerFactory.getLogger(RedisEventStream.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final StatefulRedisConnection<String, String> connection;
  private final Clock clock;

  public RedisEventStream(StatefulRedisConnection<String, String> connection, Clock clock) {
    this.connection = connection;
    this.clock = clock;
  }

  @Override
  public void publish(String type, Map<String, String> fields) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("type", type);
    entry.put("at", Long.toString(clock.millis()));
    entry.putAll(fields);
    try {
      connection.async().xadd(STREAM, XAddArgs.Builder.maxlen(100_000).approximateTrimming(), entry)
          .toCompletableFuture().get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (RedisException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.warn("could not publish {} to {}: {}", type, STREAM, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
