package io.calendarsync.receiver.google;

import io.calendarsync.receiver.support.GooglePushes;
import io.calendarsync.receiver.support.ReceiverHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /webhooks/google against a real Redis: verification, enqueueing, de-duplication and their metrics. */
class GoogleWebhookTest {

  private static final String CHANNEL = "calsync-5f0c2d9e";
  private static final String TOKEN = "tok-8c1f6e0a4b7d4e2f9a3c5b1d7e9f0a2c";
  private static final String RESOURCE = "ret08u3rv24htgh289g";
  private static final String PROVIDER = "team-a/alice-google";

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
  void registerTheChannel() {
    harness.reset();
    harness.registerGoogleChannel(CHANNEL, PROVIDER, TOKEN, RESOURCE);
  }

  @Test
  void verifiedChangeIsEnqueuedWithTheContractFields() {
    double accepted = harness.metric("calendarsync_receiver_notifications_accepted_total", "vendor", "google");

    HttpResponse<String> response = push(headers("exists", "2"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(harness.notifications()).containsExactly(Map.of(
        "vendor", "google",
        "channelId", CHANNEL,
        "provider", PROVIDER,
        "kind", "change",
        "resourceState", "exists",
        "receivedAt", Long.toString(ReceiverHarness.START.toEpochMilli())));
    assertThat(harness.metric("calendarsync_receiver_notifications_accepted_total", "vendor", "google"))
        .isEqualTo(accepted + 1);
    assertThat(harness.metric("calendarsync_receiver_enqueue_latency_seconds_count", "vendor", "google")).isPositive();
  }

  @Test
  void deletionIsEnqueuedToo() {
    assertThat(push(headers("not_exists", "3")).statusCode()).isEqualTo(200);

    assertThat(harness.notifications()).singleElement()
        .satisfies(entry -> assertThat(entry).containsEntry("resourceState", "not_exists"));
  }

  @Test
  void syncHandshakeIsAcknowledgedWithoutEnqueuing() {
    double accepted = harness.metric("calendarsync_receiver_notifications_accepted_total", "vendor", "google");

    assertThat(push(headers("sync", "1")).statusCode()).isEqualTo(200);

    assertThat(harness.notifications()).isEmpty();
    assertThat(harness.metric("calendarsync_receiver_notifications_accepted_total", "vendor", "google"))
        .isEqualTo(accepted + 1);
  }

  @Test
  void redeliveredMessageIsEnqueuedOnce() {
    double duplicates = harness.metric("calendarsync_receiver_notifications_duplicate_total", "vendor", "google");

    assertThat(push(headers("exists", "7")).statusCode()).isEqualTo(200);
    assertThat(push(headers("exists", "7")).statusCode()).isEqualTo(200);

    assertThat(harness.notifications()).hasSize(1);
    assertThat(harness.metric("calendarsync_receiver_notifications_duplicate_total", "vendor", "google"))
        .isEqualTo(duplicates + 1);

    assertThat(push(headers("exists", "8")).statusCode()).isEqualTo(200);
    assertThat(harness.notifications()).as("the next message is another notification").hasSize(2);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "X-Goog-Channel-ID=calsync-unknown,       404, unknown_channel",
      "X-Goog-Channel-Token=tok-guessed,        403, token_mismatch",
      "X-Goog-Channel-Token=,                   400, missing_token",
      "X-Goog-Resource-ID=another-resource,     403, resource_mismatch",
      "X-Goog-Channel-ID=,                      400, missing_header",
      "X-Goog-Message-Number=,                  400, missing_header",
      "X-Goog-Resource-State=changed,           400, invalid_header",
      "X-Goog-Message-Number=7; DROP,           400, invalid_header",
  })
  void unverifiedNotificationIsRefusedAndNothingEnqueued(String header, int status, String reason) {
    Map<String, String> headers = headers("exists", "9");
    String[] nameAndValue = header.split("=", 2);
    if (nameAndValue[1].isEmpty()) {
      headers.remove(nameAndValue[0]);
    } else {
      headers.put(nameAndValue[0], nameAndValue[1]);
    }
    double rejected = rejected(reason);

    assertThat(push(headers).statusCode()).isEqualTo(status);

    assertThat(harness.notifications()).isEmpty();
    assertThat(rejected(reason)).isEqualTo(rejected + 1);
  }

  @Test
  void onlyPostIsAllowed() {
    HttpResponse<String> response = harness.get("/webhooks/google");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
  }

  private static double rejected(String reason) {
    return harness.metric("calendarsync_receiver_notifications_rejected_total", "vendor", "google", "reason", reason);
  }

  private static Map<String, String> headers(String state, String messageNumber) {
    return GooglePushes.headers(CHANNEL, TOKEN, RESOURCE, state, messageNumber);
  }

  private static HttpResponse<String> push(Map<String, String> headers) {
    return harness.postGoogle(headers);
  }
}
