package io.calendarsync.operator.provider;

import io.calendarsync.operator.support.OperatorHarness;
import io.calendarsync.operator.support.Resources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.calendarsync.operator.support.Resources.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A provider whose syncs find nothing to do costs the API server no writes, however often it reconciles. */
class IdleProviderTest {

  private static OperatorHarness harness;

  @BeforeAll
  static void startOperator() {
    harness = new OperatorHarness();
  }

  @AfterAll
  static void stopOperator() {
    harness.close();
  }

  @Test
  void repeatedReconcilesOfAnIdleProviderWriteNothing() {
    String ns = harness.newTenantNamespace("acme");
    String key = ns + "/nina";
    harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
    harness.client().resource(Resources.provider(ns, "nina", "acme", "creds")).create();
    await().atMost(Duration.ofSeconds(30)).until(() ->
        condition(harness.get(ns, "nina"), "Ready").map(c -> c.getStatus().equals("True")).orElse(false));
    String resourceVersion = harness.get(ns, "nina").getMetadata().getResourceVersion();
    int eventsBefore = harness.events(ns, "nina").size();

    // Each touch of the Secret wakes the provider for a full reconcile with a sync that finds nothing to do.
    for (int i = 1; i <= 5; i++) {
      int syncs = harness.sync.syncs(key);
      String round = Integer.toString(i);
      harness.client().secrets().inNamespace(ns).withName("creds")
          .edit(s -> { s.getMetadata().setAnnotations(Map.of("touched", round)); return s; });
      await().atMost(Duration.ofSeconds(30)).until(() -> harness.sync.syncs(key) > syncs);
    }

    assertThat(harness.get(ns, "nina").getMetadata().getResourceVersion()).isEqualTo(resourceVersion);
    assertThat(harness.events(ns, "nina")).hasSize(eventsBefore);
  }
}
