package io.calendarsync.receiver.http;

import io.calendarsync.receiver.support.ReceiverHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What the public port accepts at all: body size, paths, and nothing of the management port. */
class RequestLimitsTest {

  private static ReceiverHarness harness;

  @BeforeAll
  static void start() throws Exception {
    harness = ReceiverHarness.start();
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
  }

  @Test
  void bodyOverOneMebibyteIsRefusedBeforeBeingRead() {
    double tooLarge = tooLarge();

    HttpResponse<String> response = harness.postJson("/webhooks/microsoft", json(RequestBody.MAX_BYTES + 1));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(tooLarge()).isEqualTo(tooLarge + 1);
  }

  @Test
  void chunkedBodyIsCutOffWhenItGrowsPastOneMebibyte() {
    byte[] body = json(2 * RequestBody.MAX_BYTES).getBytes();

    HttpResponse<String> response = ReceiverHarness.send(HttpRequest.newBuilder(harness.url("/webhooks/microsoft"))
        .header("Content-Type", "application/json")
        // No length known up front: sent chunked, so only counting while reading can stop it.
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .build());

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void bodyOfExactlyOneMebibyteIsRead() {
    // Read in full and then found not to be a notification batch.
    assertThat(harness.postJson("/webhooks/microsoft", json(RequestBody.MAX_BYTES)).statusCode()).isEqualTo(400);
  }

  @Test
  void unknownPathIsAPlainNotFoundThatRepeatsNothing() {
    HttpResponse<String> response = harness.get("/webhooks/%3Cscript%3Ealert(1)%3C/script%3E");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("404 Not Found");
    assertThat(response.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void malformedQueryIsABadRequest() throws IOException {
    // Not expressible with java.net.URI: sent as raw HTTP.
    try (Socket socket = new Socket("127.0.0.1", harness.port())) {
      socket.getOutputStream().write(("GET /oauth/callback/google?code=%zz&state=%zz HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();

      assertThat(statusLine).isEqualTo("HTTP/1.1 400 Bad Request");
    }
    assertThat(harness.oauthCodes()).isEmpty();
  }

  @Test
  void healthAndMetricsAreNotOnThePublicPort() {
    assertThat(harness.get("/metrics").statusCode()).isEqualTo(404);
    assertThat(harness.get("/healthz").statusCode()).isEqualTo(404);
    assertThat(harness.get("/readyz").statusCode()).isEqualTo(404);
  }

  private double tooLarge() {
    return harness.metric("calendarsync_receiver_notifications_rejected_total", "vendor", "microsoft",
        "reason", "body_too_large");
  }

  /** A JSON document of exactly {@code size} bytes. */
  private static String json(int size) {
    return "{\"padding\":\"" + "x".repeat(size - 14) + "\"}";
  }
}
