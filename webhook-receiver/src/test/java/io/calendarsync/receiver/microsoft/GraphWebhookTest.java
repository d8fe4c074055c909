package io.calendarsync.receiver.microsoft;

import io.calendarsync.receiver.support.ReceiverHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.calendarsync.receiver.support.GraphPayloads.batch;
import static io.calendarsync.receiver.support.GraphPayloads.change;
import static io.calendarsync.receiver.support.GraphPayloads.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** POST /webhooks/microsoft and /webhooks/microsoft/lifecycle: handshake, batches, lifecycle events, de-duplication. */
class GraphWebhookTest {

  private static final String SUBSCRIPTION = "7f105c7d-2dc5-4530-97cd-4e7ae6534c07";
  private static final String CLIENT_STATE = "cs-3b8f0d1e6a2c4f9b8e7d6c5b4a392817";
  private static final String PROVIDER = "team-a/bob-outlook";
  private static final String OTHER_SUBSCRIPTION = "9a1f2c3d-0000-4000-8000-000000000002";
  private static final String OTHER_CLIENT_STATE = "cs-other-11112222333344445555666677";
  private static final String OTHER_PROVIDER = "team-b/carol-outlook";

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
  void registerTheSubscriptions() {
    harness.reset();
    harness.registerGraphSubscription(SUBSCRIPTION, PROVIDER, CLIENT_STATE);
    harness.registerGraphSubscription(OTHER_SUBSCRIPTION, OTHER_PROVIDER, OTHER_CLIENT_STATE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/webhooks/microsoft", "/webhooks/microsoft/lifecycle"})
  void validationHandshakeEchoesTheTokenAsPlainText(String path) {
    String token = "Validation: Testing client application <b>reachability</b> for subscription Request-Id: 1";

    HttpResponse<String> response = ReceiverHarness.send(HttpRequest.newBuilder(
            harness.url(path + "?validationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.noBody()).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(token);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(harness.notifications()).isEmpty();
  }

  @Test
  void absurdlyLongValidationTokenIsNotEchoed() {
    HttpResponse<String> response = ReceiverHarness.send(HttpRequest.newBuilder(
        harness.url("/webhooks/microsoft?validationToken=" + "x".repeat(1025))).POST(HttpRequest.BodyPublishers.noBody()).build());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void validBatchEnqueuesEveryItem() {
    HttpResponse<String> response = harness.postJson("/webhooks/microsoft", batch(
        change(SUBSCRIPTION, CLIENT_STATE, "updated", "Users/u1/Events/AAA", "W/\"1\""),
        change(OTHER_SUBSCRIPTION, OTHER_CLIENT_STATE, "created", "Users/u2/Events/BBB", "W/\"1\"")));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(harness.notifications()).containsExactly(
        Map.of("vendor", "microsoft", "channelId", SUBSCRIPTION, "provider", PROVIDER, "kind", "change",
            "receivedAt", Long.toString(ReceiverHarness.START.toEpochMilli())),
        Map.of("vendor", "microsoft", "channelId", OTHER_SUBSCRIPTION, "provider", OTHER_PROVIDER, "kind", "change",
            "receivedAt", Long.toString(ReceiverHarness.START.toEpochMilli())));
  }

  @Test
  void mixedBatchEnqueuesOnlyTheVerifiedItems() {
    double forged = rejected("token_mismatch");
    double unknown = rejected("unknown_channel");
    double missing = rejected("missing_token");

    HttpResponse<String> response = harness.postJson("/webhooks/microsoft", batch(
        change(SUBSCRIPTION, "forged-client-state", "updated", "Users/u1/Events/AAA", "W/\"1\""),
        change(SUBSCRIPTION, CLIENT_STATE, "updated", "Users/u1/Events/BBB", "W/\"2\""),
        change("00000000-dead-beef-0000-000000000000", CLIENT_STATE, "updated", "Users/u1/Events/CCC", "W/\"1\""),
        change(OTHER_SUBSCRIPTION, null, "deleted", "Users/u2/Events/DDD", null)));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(harness.notifications()).extracting(e -> e.get("channelId"), e -> e.get("provider"))
        .containsExactly(tuple(SUBSCRIPTION, PROVIDER));
    assertThat(rejected("token_mismatch")).isEqualTo(forged + 1);
    assertThat(rejected("unknown_channel")).isEqualTo(unknown + 1);
    assertThat(rejected("missing_token")).isEqualTo(missing + 1);
  }

  @Test
  void batchWithoutOneVerifiedItemIsForbiddenAndNothingEnqueued() {
    HttpResponse<String> response = harness.postJson("/webhooks/microsoft", batch(
        change(SUBSCRIPTION, "forged-client-state", "updated", "Users/u1/Events/AAA", "W/\"1\""),
        // A valid clientState, but of another subscription: a notification reaches only the channel it proves.
        change(SUBSCRIPTION, OTHER_CLIENT_STATE, "updated", "Users/u1/Events/AAA", "W/\"1\""),
        change(OTHER_SUBSCRIPTION, null, "updated", "Users/u2/Events/BBB", "W/\"1\"")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(harness.notifications()).isEmpty();
  }

  @Test
  void redeliveredItemIsEnqueuedOnce() {
    String body = batch(change(SUBSCRIPTION, CLIENT_STATE, "updated", "Users/u1/Events/AAA", "W/\"DwAAABYAAAA\""));
    double duplicates = harness.metric("calendarsync_receiver_notifications_duplicate_total", "vendor", "microsoft");

    assertThat(harness.postJson("/webhooks/microsoft", body).statusCode()).isEqualTo(202);
    assertThat(harness.postJson("/webhooks/microsoft", body).statusCode()).isEqualTo(202);

    assertThat(harness.notifications()).hasSize(1);
    assertThat(harness.metric("calendarsync_receiver_notifications_duplicate_total", "vendor", "microsoft"))
        .isEqualTo(duplicates + 1);

    harness.postJson("/webhooks/microsoft",
        batch(change(SUBSCRIPTION, CLIENT_STATE, "updated", "Users/u1/Events/AAA", "W/\"DwAAABYAAAB\"")));
    assertThat(harness.notifications()).as("a new etag is a new change").hasSize(2);
  }

  @Test
  void lifecycleEventsAreEnqueuedAsLifecycleOnce() {
    String body = batch(
        lifecycle(SUBSCRIPTION, CLIENT_STATE, "reauthorizationRequired"),
        lifecycle(SUBSCRIPTION, CLIENT_STATE, "subscriptionRemoved"),
        lifecycle(OTHER_SUBSCRIPTION, OTHER_CLIENT_STATE, "missed"));

    assertThat(harness.postJson("/webhooks/microsoft/lifecycle", body).statusCode()).isEqualTo(202);
    assertThat(harness.postJson("/webhooks/microsoft/lifecycle", body).statusCode()).isEqualTo(202);

    assertThat(harness.notifications())
        .extracting(e -> e.get("kind"), e -> e.get("lifecycleEvent"), e -> e.get("provider"))
        .containsExactly(
            tuple("lifecycle", "reauthorizationRequired", PROVIDER),
            tuple("lifecycle", "subscriptionRemoved", PROVIDER),
            tuple("lifecycle", "missed", OTHER_PROVIDER));
  }

  @Test
  void lifecycleEventsNeedTheClientStateAndAKnownEvent() {
    double unknownEvent = rejected("unknown_lifecycle_event");

    HttpResponse<String> response = harness.postJson("/webhooks/microsoft/lifecycle", batch(
        lifecycle(SUBSCRIPTION, "forged-client-state", "subscriptionRemoved"),
        lifecycle(SUBSCRIPTION, CLIENT_STATE, "subscriptionExploded")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(harness.notifications()).isEmpty();
    assertThat(rejected("unknown_lifecycle_event")).isEqualTo(unknownEvent + 1);
  }

  @Test
  void notificationsMustBeJson() {
    double unsupported = rejected("unsupported_media_type");

    HttpResponse<String> response = ReceiverHarness.send(HttpRequest.newBuilder(harness.url("/webhooks/microsoft"))
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(batch(change(SUBSCRIPTION, CLIENT_STATE, "updated", "r", "e"))))
        .build());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(harness.notifications()).isEmpty();
    assertThat(rejected("unsupported_media_type")).isEqualTo(unsupported + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{}", "{\"value\": []}", "{\"value\": {}}", "{\"value\": [42]}", "[]"})
  void malformedBatchIsABadRequest(String body) {
    assertThat(harness.postJson("/webhooks/microsoft", body).statusCode()).isEqualTo(400);
    assertThat(harness.notifications()).isEmpty();
  }

  private static double rejected(String reason) {
    return harness.metric("calendarsync_receiver_notifications_rejected_total", "vendor", "microsoft", "reason", reason);
  }
}
