package io.calendarsync.receiver.queue;

import io.calendarsync.receiver.Futures;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The receiver's one Redis connection, shared by all requests (Lettuce pipelines their commands over it).
 *
 * <p>Built to fail fast and heal by itself: while Redis is unreachable, commands are rejected at once rather than
 * queued (the request answers 503 and the vendor retries, instead of piling up waiting requests); a command Redis does
 * not answer in time fails after the timeout; a lost connection reconnects in the background (100 ms, doubling to 2 s
 * between attempts), and so does the first connection when Redis is not up yet at start-up.
 */
public final class RedisConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);
  private static final Duration FIRST_CONNECT_RETRY = Duration.ofSeconds(1);

  private final ClientResources resources;
  private final RedisClient client;
  private final ScheduledExecutorService connector;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile boolean closed;
  /** Only touched by the connector thread. */
  private int connectFailures;

  private RedisConnection(ClientResources resources, RedisClient client) {
    this.resources = resources;
    this.client = client;
    this.connector = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "redis-connector");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Starts connecting in the background and returns at once.
   *
   * @throws IllegalArgumentException when the URI is not a Redis URI
   */
  public static RedisConnection open(String uri, Duration timeout) {
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(timeout);
    ClientResources resources = DefaultClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
        // Lettuce's own per-command latency statistics are not exported anywhere; the receiver measures enqueue latency.
        .commandLatencyRecorder(CommandLatencyRecorder.disabled())
        .build();
    RedisClient client = RedisClient.create(resources, redisUri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build())
        .build());
    RedisConnection redis = new RedisConnection(resources, client);
    redis.connector.execute(redis::connect);
    return redis;
  }

  /**
   * Runs one command (or a chain starting with one). Every failure, including "not connected yet", completes the
   * result with a {@link RedisUnavailableException}.
   */
  public <T> CompletableFuture<T> call(Function<RedisAsyncCommands<String, String>, ? extends CompletionStage<T>> command) {
    StatefulRedisConnection<String, String> current = connection;
    if (current == null) {
      return CompletableFuture.failedFuture(new RedisUnavailableException("not connected to Redis yet", null));
    }
    CompletableFuture<T> result;
    try {
      result = command.apply(current.async()).toCompletableFuture();
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    return result.exceptionallyCompose(failure -> CompletableFuture.failedFuture(unavailable(failure)));
  }

  /** Whether Redis answers a PING within the timeout; what /readyz reports. */
  public CompletableFuture<Boolean> isReachable() {
    return call(RedisAsyncCommands::ping).handle((pong, failure) -> failure == null && "PONG".equals(pong));
  }

  private void connect() {
    if (closed) {
      return;
    }
    try {
      connection = client.connect(StringCodec.UTF8);
      LOG.info("connected to Redis");
    } catch (RuntimeException e) {
      // Said once at WARN: a Redis that is down for an hour should not write 3,600 warnings.
      if (connectFailures++ == 0) {
        LOG.warn("cannot reach Redis ({}); trying again every {} s", e.getMessage(), FIRST_CONNECT_RETRY.toSeconds());
      } else {
        LOG.debug("still cannot reach Redis: {}", e.getMessage());
      }
      connector.schedule(this::connect, FIRST_CONNECT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static RedisUnavailableException unavailable(Throwable failure) {
    Throwable cause = Futures.causeOf(failure);
    return cause instanceof RedisUnavailableException known ? known
        : new RedisUnavailableException("Redis command failed: " + cause.getMessage(), cause);
  }

  @Override
  public void close() {
    closed = true;
    connector.shutdownNow();
    StatefulRedisConnection<String, String> current = connection;
    if (current != null) {
      current.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
