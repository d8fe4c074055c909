package io.calendarsync.receiver.queue;

import io.calendarsync.emulators.embedded.EmbeddedRedisServer;
import io.calendarsync.receiver.config.ReceiverConfig;
import io.calendarsync.receiver.support.GooglePushes;
import io.calendarsync.receiver.support.ReceiverHarness;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
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

  @Test
  void redisDownIsA503UntilRedisIsBackOnTheSamePort() throws Exception {
    try (ReceiverHarness harness = ReceiverHarness.start()) {
      harness.registerGoogleChannel(CHANNEL, "team-a/alice-google", TOKEN, RESOURCE);
      harness.registerGraphSubscription("sub-outage", "team-a/bob-outlook", "cs-outage");

      harness.redisServer.stop();

      assertThat(harness.postGoogle(PUSH).statusCode()).isEqualTo(503);
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
  void slowRedisIsAnsweredBeforeRedisAnswers() throws Exception {
    try (ReceiverHarness harness = ReceiverHarness.start(ReceiverConfig.DEFAULT_REDIS_TIMEOUT, null);
        RedisClient otherClient = harness.newRedisClient();
        StatefulRedisConnection<String, String> pauser = otherClient.connect();
        StatefulRedisConnection<String, String> probe = otherClient.connect()) {
      harness.registerGraphSubscription("sub-slow", "team-a/bob-outlook", "cs-slow");
      String body = batch(change("sub-slow", "cs-slow", "updated", "Users/u1/Events/A", "W/\"1\""));

      // Redis holds every client's commands for longer than the receiver's Redis timeout (2 s, below Graph's 3 s).
      pauser.sync().clientPause(6_000);
      RedisFuture<String> held = probe.async().ping();
      HttpResponse<String> response = harness.postJson("/webhooks/microsoft", body);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(held.isDone()).as("the receiver answered while Redis still held every command").isFalse();
      assertThat(held.get(30, TimeUnit.SECONDS)).isEqualTo("PONG");
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
