package io.calendarsync.operator.runtime;

import io.calendarsync.operator.support.OperatorHarness;
import io.calendarsync.operator.support.Resources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.calendarsync.operator.support.Resources.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What kubelet probes and Prometheus scrape. */
class ManagementEndpointsTest {

  private static OperatorHarness harness;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startOperator() {
    harness = new OperatorHarness();
  }

  @AfterAll
  static void stopOperator() {
    harness.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + harness.operator.managementPort() + path))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesAnswerOnceTheOperatorRuns() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    await().untilAsserted(() -> assertThat(get("/readyz").statusCode()).isEqualTo(200));
  }

  @Test
  void metricsCarryReconcileCountsAndProviderPhasesWithoutPerResourceLabels() throws Exception {
    String ns = harness.newTenantNamespace("acme");
    harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
    harness.client().resource(Resources.provider(ns, "olga", "acme", "creds")).create();
    await().atMost(Duration.ofSeconds(30)).until(() ->
        condition(harness.get(ns, "olga"), "Ready").map(c -> c.getStatus().equals("True")).orElse(false));

    await().untilAsserted(() -> {
      String metrics = get("/metrics").body();
      assertThat(metrics).contains("operator_sdk_reconciliations_executions");
      assertThat(metrics).containsPattern("calendarsync_providers\\{phase=\"Connected\"} [1-9]");
      assertThat(metrics).containsPattern("calendarsync_syncs_total\\{result=\"Succeeded\",vendor=\"Google\"} [1-9]");
      assertThat(metrics).contains("jvm_memory_used_bytes");
      assertThat(metrics).doesNotContain("olga").doesNotContain(ns + "\"");
    });
  }
}
