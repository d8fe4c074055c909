package io.calendarsync.operator.provider;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.MetadataKeys;
import io.calendarsync.api.v1alpha1.Phase;
import io.calendarsync.operator.support.OperatorHarness;
import io.calendarsync.operator.support.Resources;
import io.calendarsync.operator.sync.SyncFailure;
import io.calendarsync.operator.sync.SyncFailureReason;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.calendarsync.operator.support.Resources.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The provider lifecycle as a platform operator sees it through kubectl: conditions, phase, Events. */
class ProviderLifecycleTest {

  private static OperatorHarness harness;

  @BeforeAll
  static void startOperator() {
    harness = new OperatorHarness();
  }

  @AfterAll
  static void stopOperator() {
    harness.close();
  }

  private static void awaitReady(String namespace, String name, String status, String reason) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(condition(harness.get(namespace, name), "Ready"))
        .get()
        .satisfies(c -> {
          assertThat(c.getStatus()).isEqualTo(status);
          assertThat(c.getReason()).isEqualTo(reason);
        }));
  }

  @Test
  void aProviderWithItsSecretBecomesReady() {
    String ns = harness.newTenantNamespace("acme");
    harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
    harness.client().resource(Resources.provider(ns, "alice", "acme", "creds")).create();

    awaitReady(ns, "alice", "True", "Ready");
    CalendarProvider provider = harness.get(ns, "alice");
    assertThat(provider.getStatus().getPhase()).isEqualTo(Phase.Connected);
    assertThat(provider.getStatus().getObservedGeneration()).isEqualTo(provider.getMetadata().getGeneration());
    assertThat(provider.getStatus().getConditions()).extracting(Condition::getType)
        .as("each condition exactly once, however often the status was patched")
        .containsExactlyInAnyOrder("Ready", "Connected", "Synced", "WebhookActive", "Conflict");
    assertThat(provider.getStatus().getConditions())
        .allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(provider.getMetadata().getGeneration()));
    assertThat(provider.getMetadata().getFinalizers()).isNotEmpty();
    assertThat(harness.sync.targets()).anySatisfy(t -> {
      assertThat(t.key()).isEqualTo(ns + "/alice");
      assertThat(t.credentials().clientSecret()).isEqualTo(Resources.CLIENT_SECRET_VALUE);
      assertThat(t.credentials().refreshToken()).contains(Resources.REFRESH_TOKEN_VALUE);
    });
  }

  @Test
  void aMissingSecretIsReportedAndTheProviderRecoversAsSoonAsItAppears() {
    String ns = harness.newTenantNamespace("acme");
    harness.client().resource(Resources.provider(ns, "bob", "acme", "late-creds")).create();

    awaitReady(ns, "bob", "False", "SecretNotFound");
    CalendarProvider blocked = harness.get(ns, "bob");
    assertThat(condition(blocked, "Ready").orElseThrow().getMessage())
        .contains(ns + "/late-creds").contains(MetadataKeys.CREDENTIALS);
    assertThat(condition(blocked, "Stalled").orElseThrow().getStatus()).isEqualTo("True");
    assertThat(blocked.getStatus().getPhase()).isEqualTo(Phase.Error);
    assertThat(harness.sync.syncs(ns + "/bob")).isZero();
    await().untilAsserted(() -> assertThat(harness.events(ns, "bob"))
        .anySatisfy(e -> assertThat(e.getType() + "/" + e.getReason()).isEqualTo("Warning/SecretNotFound")));

    harness.client().resource(Resources.googleCredentials(ns, "late-creds")).create();

    awaitReady(ns, "bob", "True", "Ready");
    assertThat(condition(harness.get(ns, "bob"), "Stalled")).isEmpty();
  }

  @Test
  void aMissingKeyIsNamedButNoValueIsEverShown() {
    String ns = harness.newTenantNamespace("acme");
    harness.client().resource(Resources.credentials(ns, "partial",
        Map.of("client-id", "client-123", "refresh-token", Resources.REFRESH_TOKEN_VALUE))).create();
    harness.client().resource(Resources.provider(ns, "carol", "acme", "partial")).create();

    awaitReady(ns, "carol", "False", "SecretKeyMissing");
    CalendarProvider provider = harness.get(ns, "carol");
    assertThat(condition(provider, "Ready").orElseThrow().getMessage()).contains("'client-secret'");
    String everythingShown = Serialization.asJson(provider.getStatus()) + Serialization.asJson(harness.events(ns, "carol"));
    assertThat(everythingShown).doesNotContain(Resources.REFRESH_TOKEN_VALUE).doesNotContain("client-123");
  }

  @Test
  void aTenantMismatchIsForbiddenAndNothingIsSyncedUntilTheLabelIsFixed() {
    String ns = harness.newTenantNamespace("acme");
    harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
    harness.client().resource(Resources.provider(ns, "mallory", "globex", "creds")).create();

    awaitReady(ns, "mallory", "False", "Forbidden");
    assertThat(condition(harness.get(ns, "mallory"), "Ready").orElseThrow().getMessage())
        .contains("'globex'").contains("'acme'");
    assertThat(harness.sync.syncs(ns + "/mallory")).isZero();

    harness.client().namespaces().withName(ns)
        .edit(n -> { n.getMetadata().getLabels().put(MetadataKeys.TENANT, "globex"); return n; });
    awaitReady(ns, "mallory", "True", "Ready");
  }

  @Test
  void aNamespaceWithoutTenantLabelIsForbidden() {
    String ns = harness.newTenantNamespace(null);
    harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
    harness.client().resource(Resources.provider(ns, "dave", "acme", "creds")).create();

    awaitReady(ns, "dave", "False", "Forbidden");
    assertThat(condition(harness.get(ns, "dave"), "Ready").orElseThrow().getMessage()).contains("has no label");
  }

  @Test
  void suspendStopsSyncingAndReleasesTheVendorSideAndResumeStartsAgain() {
    String ns = harness.newTenantNamespace("acme");
    String key = ns + "/erin";
    harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
    harness.client().resource(Resources.provider(ns, "erin", "acme", "creds")).create();
    awaitReady(ns, "erin", "True", "Ready");

    harness.client().resources(CalendarProvider.class).inNamespace(ns).withName("erin")
        .edit(p -> { p.getSpec().setSuspend(true); return p; });
    awaitReady(ns, "erin", "False", "Suspended");
    assertThat(harness.get(ns, "erin").getStatus().getPhase()).isEqualTo(Phase.Suspended);
    assertThat(harness.sync.releases(key)).isEqualTo(1);
    int syncsWhileSuspended = harness.sync.syncs(key);

    // A Secret change wakes the provider, but a suspended provider makes no vendor call.
    harness.client().secrets().inNamespace(ns).withName("creds")
        .edit(s -> { s.getMetadata().setAnnotations(Map.of("rotated", "yes")); return s; });
    await().untilAsserted(() -> assertThat(harness.events(ns, "erin")).isNotEmpty());
    assertThat(harness.sync.syncs(key)).isEqualTo(syncsWhileSuspended);

    harness.client().resources(CalendarProvider.class).inNamespace(ns).withName("erin")
        .edit(p -> { p.getSpec().setSuspend(false); return p; });
    awaitReady(ns, "erin", "True", "Ready");
    assertThat(harness.sync.syncs(key)).isGreaterThan(syncsWhileSuspended);
  }

  @Test
  void syncNowRunsASyncAndEchoesTheRequest() {
    String ns = harness.newTenantNamespace("acme");
    String key = ns + "/frank";
    harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
    harness.client().resource(Resources.provider(ns, "frank", "acme", "creds")).create();
    awaitReady(ns, "frank", "True", "Ready");
    int before = harness.sync.syncs(key);

    harness.client().resources(CalendarProvider.class).inNamespace(ns).withName("frank").edit(p -> {
      p.getMetadata().setAnnotations(Map.of(MetadataKeys.SYNC_REQUESTED_AT, "2026-11-24T10:00:00Z"));
      return p;
    });

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(harness.get(ns, "frank").getStatus().getLastHandledSyncRequest()).isEqualTo("2026-11-24T10:00:00Z"));
    assertThat(harness.sync.syncs(key)).isGreaterThan(before);
    assertThat(harness.events(ns, "frank")).extracting(Event::getReason).contains("SyncRequested");
  }

  @Test
  void aRevokedGrantAsksForAPersonAndStopsCallingTheVendor() {
    String ns = harness.newTenantNamespace("acme");
    String key = ns + "/grace";
    harness.sync.failSyncs(key, new SyncFailure(SyncFailureReason.AuthorizationRevoked, "The grant was revoked"));
    harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
    harness.client().resource(Resources.provider(ns, "grace", "acme", "creds")).create();

    awaitReady(ns, "grace", "False", "AuthorizationRevoked");
    CalendarProvider provider = harness.get(ns, "grace");
    assertThat(provider.getStatus().getPhase()).isEqualTo(Phase.AuthorizationRequired);
    assertThat(condition(provider, "Connected").orElseThrow().getReason()).isEqualTo("AuthorizationRevoked");
    assertThat(condition(provider, "Stalled").orElseThrow().getStatus()).isEqualTo("True");
    int calls = harness.sync.syncs(key);
    // Another provider's activity proves the operator kept reconciling meanwhile.
    String other = harness.newTenantNamespace("acme");
    harness.client().resource(Resources.googleCredentials(other, "creds")).create();
    harness.client().resource(Resources.provider(other, "heidi", "acme", "creds")).create();
    awaitReady(other, "heidi", "True", "Ready");
    assertThat(harness.sync.syncs(key)).isEqualTo(calls);
  }

  @Test
  void aTransientVendorFailureIsRetriedAndRecovers() {
    String ns = harness.newTenantNamespace("acme");
    String key = ns + "/ivan";
    harness.sync.failSyncs(key, new SyncFailure(SyncFailureReason.VendorUnavailable, "Google answered 503"));
    harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
    harness.client().resource(Resources.provider(ns, "ivan", "acme", "creds")).create();

    awaitReady(ns, "ivan", "False", "VendorUnavailable");
    assertThat(condition(harness.get(ns, "ivan"), "Stalled")).isEmpty();
    harness.sync.recover(key);
    awaitReady(ns, "ivan", "True", "Ready");
  }

  @Test
  void openConflictsShowInThePhaseAndTheConflictCondition() {
    String ns = harness.newTenantNamespace("acme");
    harness.sync.reportConflicts(ns + "/judy", 2);
    harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
    harness.client().resource(Resources.provider(ns, "judy", "acme", "creds")).create();

    awaitReady(ns, "judy", "True", "Ready");
    CalendarProvider provider = harness.get(ns, "judy");
    assertThat(provider.getStatus().getPhase()).isEqualTo(Phase.Conflict);
    assertThat(provider.getStatus().getOpenConflicts()).isEqualTo(2);
    assertThat(condition(provider, "Conflict").orElseThrow().getMessage())
        .startsWith("2 open conflict(s)").contains("kubectl get calendarsyncconflicts -n " + ns);
  }

  @Test
  void anInvalidProviderGetsAClearReasonAndDoesNotHoldUpOthers() {
    String ns = harness.newTenantNamespace("acme");
    harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
    CalendarProvider invalid = Resources.provider(ns, "broken", "acme", "creds");
    // The mock API server does not enforce the CRD schema; a real one would have refused this.
    invalid.getSpec().setSyncInterval("every day");
    harness.client().resource(invalid).create();
    harness.client().resource(Resources.provider(ns, "fine", "acme", "creds")).create();

    awaitReady(ns, "broken", "False", "InvalidSpec");
    assertThat(condition(harness.get(ns, "broken"), "Ready").orElseThrow().getMessage())
        .contains("spec.syncInterval").contains("'every day'");
    awaitReady(ns, "fine", "True", "Ready");
  }
}
