package io.calendarsync.operator.runtime;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.operator.config.OperatorConfig;
import io.calendarsync.operator.support.OperatorHarness;
import io.calendarsync.operator.support.Resources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static io.calendarsync.operator.support.Resources.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An operator told to watch some namespaces leaves the others alone (and needs RBAC only there). */
class WatchedNamespacesTest {

  @Test
  void providersOutsideTheWatchedNamespacesAreNotTouched() {
    try (OperatorHarness harness = new OperatorHarness(OperatorConfig.defaults().withWatchNamespaces(Set.of("team-a")))) {
      for (String ns : new String[] {"team-a", "team-b"}) {
        harness.client().resource(Resources.tenantNamespace(ns, "acme")).create();
        harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
        harness.client().resource(Resources.provider(ns, "pat", "acme", "creds")).create();
      }

      await().atMost(Duration.ofSeconds(30)).until(() ->
          condition(harness.get("team-a", "pat"), "Ready").map(c -> c.getStatus().equals("True")).orElse(false));
      CalendarProvider outside = harness.get("team-b", "pat");
      assertThat(outside.getStatus()).isNull();
      assertThat(outside.getMetadata().getFinalizers()).isNullOrEmpty();
      assertThat(harness.sync.syncs("team-b/pat")).isZero();
    }
  }
}
