package io.calendarsync.receiver.http;

import io.calendarsync.receiver.support.GooglePushes;
import io.calendarsync.receiver.support.ReceiverHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, readiness and metrics live on the management port, and the webhooks do not. */
class ManagementPortTest {

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
  void healthAndReadiness() {
    assertThat(harness.getManagement("/healthz")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("ok");
    });
    assertThat(harness.getManagement("/readyz")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("ready");
    });
  }

  @Test
  void metricsArePrometheusTextWithEveryVendorSeriesFromTheStart() {
    HttpResponse<String> metrics = harness.getManagement("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    for (String vendor : new String[] {"google", "microsoft"}) {
      assertThat(metrics.body())
          .contains("calendarsync_receiver_notifications_received_total{vendor=\"" + vendor + "\"}")
          .contains("calendarsync_receiver_notifications_accepted_total{vendor=\"" + vendor + "\"}")
          .contains("calendarsync_receiver_notifications_duplicate_total{vendor=\"" + vendor + "\"}")
          .contains("calendarsync_receiver_enqueue_latency_seconds{vendor=\"" + vendor + "\",quantile=\"0.99\"}");
    }
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void latencyPercentilesFollowEnqueuedNotifications() {
    harness.registerGoogleChannel("calsync-metrics", "team-a/alice-google", "tok-metrics", "res-metrics");
    for (int message = 1; message <= 20; message++) {
      harness.postGoogle(GooglePushes.headers("calsync-metrics", "tok-metrics", "res-metrics", "exists",
          Integer.toString(message)));
    }

    assertThat(harness.metric("calendarsync_receiver_enqueue_latency_seconds_count", "vendor", "google"))
        .isGreaterThanOrEqualTo(20);
    assertThat(harness.metric("calendarsync_receiver_enqueue_latency_seconds", "vendor", "google", "quantile", "0.99"))
        .isPositive().isLessThan(3);
  }

  @Test
  void webhooksAreNotOnTheManagementPort() {
    HttpResponse<String> response = ReceiverHarness.send(HttpRequest.newBuilder(harness.managementUrl("/webhooks/google"))
        .POST(HttpRequest.BodyPublishers.noBody()).build());

    assertThat(response.statusCode()).isEqualTo(404);
  }
}
