package io.calendarsync.operator.runtime;

import io.calendarsync.operator.config.OperatorConfig;
import io.calendarsync.operator.support.MockKubernetes;
import io.calendarsync.operator.support.Resources;
import io.calendarsync.operator.support.ScriptedCalendarSync;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static io.calendarsync.operator.support.Resources.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With leader election on, a second replica stands by: only the Lease holder reconciles. */
class LeaderElectionTest {

  @Test
  void onlyTheLeaseHolderReconciles() {
    try (MockKubernetes kubernetes = new MockKubernetes()) {
      kubernetes.client().resource(Resources.tenantNamespace("acme", "acme")).create();
      kubernetes.client().resource(Resources.tenantNamespace("operators", null)).create();
      kubernetes.grantLeaseAccess();
      OperatorConfig config = OperatorConfig.defaults().withHttpPort(0);
      ScriptedCalendarSync first = new ScriptedCalendarSync();
      ScriptedCalendarSync second = new ScriptedCalendarSync();
      try (var leader = CalendarSyncOperator.start(config.withLeaderElection("calendar-sync", "operators", "replica-a"),
          kubernetes.newClient(), first, Clock.systemUTC())) {
        await().atMost(Duration.ofSeconds(30)).until(() -> holder(kubernetes) != null);
        assertThat(holder(kubernetes)).isEqualTo("replica-a");
        try (var standby = CalendarSyncOperator.start(config.withLeaderElection("calendar-sync", "operators", "replica-b"),
            kubernetes.newClient(), second, Clock.systemUTC())) {
          for (int i = 0; i < 3; i++) {
            kubernetes.client().resource(Resources.googleCredentials("acme", "creds-" + i)).create();
            kubernetes.client().resource(Resources.provider("acme", "p" + i, "acme", "creds-" + i)).create();
          }
          for (int i = 0; i < 3; i++) {
            String name = "p" + i;
            await().atMost(Duration.ofSeconds(30)).until(() -> condition(kubernetes.client()
                .resources(io.calendarsync.api.v1alpha1.CalendarProvider.class).inNamespace("acme").withName(name).get(),
                "Ready").map(c -> c.getStatus().equals("True")).orElse(false));
          }
          assertThat(first.totalSyncs()).isGreaterThanOrEqualTo(3);
          assertThat(second.totalSyncs()).isZero();
          assertThat(holder(kubernetes)).isEqualTo("replica-a");
        }
      }
    }
  }

  private static String holder(MockKubernetes kubernetes) {
    Lease lease = kubernetes.client().leases().inNamespace("operators").withName("calendar-sync").get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }
}
