package io.calendarsync.receiver.bench;

import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.api.redis.ChannelRegistration;
import io.calendarsync.api.redis.ChannelRegistrationCodec;
import io.calendarsync.api.redis.DeduplicationKeys;
import io.calendarsync.api.redis.Notification;
import io.calendarsync.api.redis.NotificationCodec;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.api.redis.ResourceState;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.emulators.embedded.EmbeddedRedisServer;
import io.calendarsync.receiver.WebhookReceiver;
import io.calendarsync.receiver.config.ReceiverConfig;
import io.calendarsync.receiver.queue.ChannelRegistry;
import io.calendarsync.receiver.queue.NotificationQueue;
import io.calendarsync.receiver.queue.RedisConnection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Webhook receiver throughput on one machine, everything on loopback: verified Google notifications per second and
 * their latency through one receiver (HTTP, registry lookup, token check, de-duplicated enqueue), next to the same
 * Redis work without HTTP, and the raw XADD rate of the same payload as the ceiling.
 *
 * <p>The load generator (JDK HttpClient, closed loop with bounded concurrency), the receiver and redis-server share
 * the machine's cores. Arguments: operations per run, seconds per run at most, operations in flight.
 */
public final class ReceiverThroughputBenchmark {

  private static final int CHANNELS = 100;
  private static final String TOKEN_PREFIX = "bench-token-";
  private static final Instant EXPIRES = Instant.now().plus(Duration.ofDays(7));

  private ReceiverThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    Duration limit = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    System.out.printf("machine: %d cores, max heap %d MiB, java %s; %d operations or %d s per run, %d in flight%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), requests, limit.toSeconds(), concurrency);
    System.out.println("| measurement | operations | succeeded | seconds | per second | p50 ms | p99 ms | max ms |");
    System.out.println("|---|---|---|---|---|---|---|---|");

    try (EmbeddedRedisServer redis = EmbeddedRedisServer.start()) {
      RedisClient client = RedisClient.create(redis.uri());
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        registerChannels(connection.sync());
        report("raw XADD (lettuce, same payload): ceiling", rawXadd(connection.async(), requests, limit, concurrency));
      } finally {
        client.shutdown();
      }
      report("receiver's Redis work without HTTP (HGETALL + enqueue script)",
          redisWork(redis.uri(), requests, limit, concurrency));
      report("receiver over HTTP: verified Google notifications", http(redis.uri(), requests, limit, concurrency));
    }
  }

  private static BoundedLoad.Result rawXadd(RedisAsyncCommands<String, String> redis, int requests, Duration limit,
      int concurrency) throws InterruptedException {
    XAddArgs trim = XAddArgs.Builder.maxlen(RedisKeys.NOTIFICATIONS_MAX_LENGTH).approximateTrimming();
    BoundedLoad.run(requests / 5, limit, concurrency, i -> redis.xadd("bench:warmup", trim, payload(i))
        .thenApply(id -> id != null));
    return BoundedLoad.run(requests, limit, concurrency, i -> redis.xadd("bench:xadd", trim, payload(i))
        .thenApply(id -> id != null));
  }

  private static BoundedLoad.Result redisWork(String uri, int requests, Duration limit, int concurrency)
      throws InterruptedException {
    try (RedisConnection redis = RedisConnection.open(uri, ReceiverConfig.DEFAULT_REDIS_TIMEOUT)) {
      ChannelRegistry registry = new ChannelRegistry(redis);
      NotificationQueue queue = new NotificationQueue(redis);
      while (!redis.isReachable().join()) {
        Thread.sleep(100);
      }
      BoundedLoad.run(requests / 5, limit, concurrency, i -> verifyAndEnqueue(registry, queue, "warmup-" + i, i));
      return BoundedLoad.run(requests, limit, concurrency, i -> verifyAndEnqueue(registry, queue, "work-" + i, i));
    }
  }

  private static CompletableFuture<Boolean> verifyAndEnqueue(ChannelRegistry registry, NotificationQueue queue,
      String messageNumber, int i) {
    String channel = channel(i);
    return registry.find(VendorName.GOOGLE, channel).thenCompose(found -> queue.enqueueOnce(
        DeduplicationKeys.google(channel, messageNumber),
        Notification.googleChange(channel, found.orElseThrow().providerKey(), ResourceState.EXISTS, Instant.now())))
        .thenApply(outcome -> outcome == NotificationQueue.Outcome.ENQUEUED);
  }

  private static BoundedLoad.Result http(String uri, int requests, Duration limit, int concurrency) throws Exception {
    ReceiverConfig config = new ReceiverConfig(uri, randomKey(), 0, 0, null, ReceiverConfig.DEFAULT_REDIS_TIMEOUT);
    try (WebhookReceiver receiver = WebhookReceiver.start(config, Clock.systemUTC())) {
      // The generator must not be the bottleneck: by default the JDK client hands each completion to another thread;
      // here they run on its selector thread.
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
      URI ready = URI.create("http://127.0.0.1:" + receiver.managementPort() + "/readyz");
      while (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
        Thread.sleep(100);
      }
      URI url = URI.create("http://127.0.0.1:" + receiver.port() + "/webhooks/google");
      // Warm-up: JIT-compiles the whole path before anything is measured.
      BoundedLoad.run(requests / 5, limit, concurrency, i -> send(http, url, i, 1));
      return BoundedLoad.run(requests, limit, concurrency, i -> send(http, url, i, 2));
    }
  }

  /** Message numbers are unique per run, so every notification is new (none is a duplicate). */
  private static CompletableFuture<Boolean> send(HttpClient http, URI url, int i, int run) {
    String channel = channel(i);
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(5))
        .header("X-Goog-Channel-ID", channel)
        .header("X-Goog-Channel-Token", TOKEN_PREFIX + channel)
        .header("X-Goog-Resource-ID", "resource-" + channel)
        .header("X-Goog-Resource-State", "exists")
        .header("X-Goog-Message-Number", Long.toString(run * 1_000_000_000L + i))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(response -> response.statusCode() == 200);
  }

  private static void registerChannels(RedisCommands<String, String> redis) {
    for (int i = 0; i < CHANNELS; i++) {
      ChannelRegistration registration = ChannelRegistration.withToken(VendorName.GOOGLE, channel(i),
          "bench/provider-" + i, TOKEN_PREFIX + channel(i), "resource-" + channel(i), EXPIRES);
      redis.hset(registration.key(), ChannelRegistrationCodec.encode(registration));
    }
  }

  private static String channel(int i) {
    return "bench-channel-" + (i % CHANNELS);
  }

  private static Map<String, String> payload(int i) {
    return NotificationCodec.encode(
        Notification.googleChange(channel(i), "bench/provider-" + (i % CHANNELS), ResourceState.EXISTS, Instant.now()));
  }

  private static EncryptionKey randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return EncryptionKey.fromBase64(Base64.getEncoder().encodeToString(key));
  }

  private static void report(String measurement, BoundedLoad.Result result) {
    System.out.printf("| %s | %d | %d | %.1f | %.0f | %.2f | %.2f | %.2f |%n", measurement, result.operations(),
        result.succeeded(), result.elapsed().toNanos() / 1e9, result.perSecond(), result.percentileMillis(50),
        result.percentileMillis(99), result.percentileMillis(100));
  }
}
