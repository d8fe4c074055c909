package io.calendarsync.receiver.queue;

import io.calendarsync.api.redis.ConsentState;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.receiver.support.GooglePushes;
import io.calendarsync.receiver.support.ReceiverHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write that fails must leave nothing behind that would turn the vendor's retry into a loss. The append is made to
 * fail by putting a value of the wrong type where the stream goes (XADD then answers WRONGTYPE).
 */
class EnqueueAtomicityTest {

  private static ReceiverHarness harness;

  @BeforeAll
  static void start() throws Exception {
    harness = ReceiverHarness.start();
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
  }

  @BeforeEach
  void reset() {
    harness.reset();
  }

  @Test
  void failedAppendLeavesNoDeduplicationKeySoTheRetryIsEnqueued() {
    harness.registerGoogleChannel("calsync-atomic", "team-a/alice-google", "tok-atomic", "res-atomic");
    Map<String, String> push = GooglePushes.headers("calsync-atomic", "tok-atomic", "res-atomic", "exists", "5");
    harness.redis().set(RedisKeys.NOTIFICATIONS_STREAM, "not a stream");

    assertThat(harness.postGoogle(push).statusCode()).isEqualTo(503);
    assertThat(harness.redis().keys("calsync:dedup:*")).isEmpty();

    harness.redis().del(RedisKeys.NOTIFICATIONS_STREAM);
    assertThat(harness.postGoogle(push).statusCode()).isEqualTo(200);
    assertThat(harness.notifications()).hasSize(1);
  }

  @Test
  void failedCodeHandOffKeepsTheNonceSoReloadingThePageWorks() {
    ConsentState.Issued issued = harness.issueConsent("team-a/alice-google", VendorName.GOOGLE);
    harness.redis().set(RedisKeys.OAUTH_CODES_STREAM, "not a stream");

    HttpResponse<String> failed = harness.oauthCallback("google", "4/code", issued.state());

    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(failed.body()).contains("Reload this page");
    assertThat(harness.redis().exists(issued.claims().nonceKey())).isOne();

    harness.redis().del(RedisKeys.OAUTH_CODES_STREAM);
    assertThat(harness.oauthCallback("google", "4/code", issued.state()).statusCode()).isEqualTo(200);
    assertThat(harness.oauthCodes()).hasSize(1);
  }
}
