package io.calendarsync.receiver.queue;

import io.calendarsync.emulators.embedded.EmbeddedRedisServer;
import io.calendarsync.receiver.support.GooglePushes;
import io.calendarsync.receiver.support.ReceiverHarness;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.calendarsync.receiver.support.GraphPayloads.batch;
import static io.calendarsync.receiver.support.GraphPayloads.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Nothing lost": a receiver that cannot persist answers 503 (quickly, well within Graph's 3 seconds) so the vendor
 * retries, says so on /readyz, and recovers by itself when Redis is back.
 */
class RedisOutageTest {

  private static final String CHANNEL = "calsync-outage";
  private static final String TOKEN = "tok-outage-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  private static final String RESOURCE = "res-outage";
  private static final Map<String, String> PUSH = GooglePushes.headers(CHANNEL, TOKEN, RESOURCE, "exists", "41");

  /** Keeps Redis busy for ARGV[1] microseconds: Redis runs one command at a time, so everyone else waits. */
  private static final String BUSY = """
      local function micros(t) return tonumber(t[1]) * 1000000 + tonumber(t[2]) end
      local start = micros(redis.call('TIME'))
      while micros(redis.call('TIME')) - start < tonumber(ARGV[1]) do end
      return 'OK'
      """;

  @Test
  void redisDownIsA503UntilRedisIsBackOnTheSamePort() throws Exception {
    try (ReceiverHarness harness = ReceiverHarness.start()) {
      harness.registerGoogleChannel(CHANNEL, "team-a/alice-google", TOKEN, RESOURCE);
      harness.registerGraphSubscription("sub-outage", "team-a/bob-outlook", "cs-outage");

      harness.redisServer.stop();

      long started = System.nanoTime();
      assertThat(harness.postGoogle(PUSH).statusCode()).isEqualTo(503);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
      assertThat(harness.postJson("/webhooks/microsoft", batch(change("sub-outage", "cs-outage", "updated", "r/1", "e")))
          .statusCode()).isEqualTo(503);
      assertThat(harness.getManagement("/readyz").statusCode()).isEqualTo(503);
      assertThat(harness.metric("calendarsync_receiver_notifications_rejected_total", "vendor", "google",
          "reason", "redis_unavailable")).isEqualTo(1);

      harness.redisServer.restart();

      // Google retries the same message; it is enqueued exactly once however many retries it takes.
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
          .until(() -> harness.postGoogle(PUSH).statusCode() == 200);
      assertThat(harness.postGoogle(PUSH).statusCode()).isEqualTo(200);
      assertThat(harness.notifications()).hasSize(1);
      assertThat(harness.getManagement("/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void slowRedisIsAnsweredWithinGraphsThreeSeconds() throws Exception {
    try (ReceiverHarness harness = ReceiverHarness.start();
        RedisClient blockerClient = harness.newRedisClient();
        StatefulRedisConnection<String, String> blocker = blockerClient.connect()) {
      harness.registerGraphSubscription("sub-slow", "team-a/bob-outlook", "cs-slow");
      String body = batch(change("sub-slow", "cs-slow", "updated", "Users/u1/Events/A", "W/\"1\""));

      RedisFuture<String> busy = blocker.async().eval(BUSY, ScriptOutputType.STATUS, new String[0], "3500000");
      Thread.sleep(200);
      long started = System.nanoTime();
      HttpResponse<String> response = harness.postJson("/webhooks/microsoft", body);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(took).isLessThan(Duration.ofMillis(2_900));
      assertThat(busy.get(10, TimeUnit.SECONDS)).isEqualTo("OK");
      assertThat(harness.postJson("/webhooks/microsoft", body).statusCode()).isEqualTo(202);
      assertThat(harness.notifications()).hasSize(1);
    }
  }

  @Test
  void receiverStartedBeforeRedisConnectsWhenRedisComesUp() throws Exception {
    EmbeddedRedisServer redis = EmbeddedRedisServer.start();
    redis.stop();
    try (ReceiverHarness harness = ReceiverHarness.startAgainst(redis)) {
      assertThat(harness.getManagement("/healthz").statusCode()).isEqualTo(200);
      assertThat(harness.getManagement("/readyz").statusCode()).isEqualTo(503);
      assertThat(harness.postGoogle(PUSH).statusCode()).isEqualTo(503);

      redis.restart();

      await().atMost(Duration.ofSeconds(10)).until(() -> harness.getManagement("/readyz").statusCode() == 200);
      harness.registerGoogleChannel(CHANNEL, "team-a/alice-google", TOKEN, RESOURCE);
      assertThat(harness.postGoogle(PUSH).statusCode()).isEqualTo(200);
    }
  }
}
