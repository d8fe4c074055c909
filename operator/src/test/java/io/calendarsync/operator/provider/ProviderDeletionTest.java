package io.calendarsync.operator.provider;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.operator.support.OperatorHarness;
import io.calendarsync.operator.support.Resources;
import io.calendarsync.operator.sync.SyncFailure;
import io.calendarsync.operator.sync.SyncFailureReason;
import io.fabric8.kubernetes.api.model.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.calendarsync.operator.support.Resources.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Deleting a provider releases its vendor side, and never hangs on a vendor that does not answer. */
class ProviderDeletionTest {

  private static OperatorHarness harness;

  @BeforeAll
  static void startOperator() {
    harness = new OperatorHarness();
  }

  @AfterAll
  static void stopOperator() {
    harness.close();
  }

  private static void createReady(String ns, String name) {
    harness.client().resource(Resources.googleCredentials(ns, "creds-" + name)).create();
    harness.client().resource(Resources.provider(ns, name, "acme", "creds-" + name)).create();
    await().atMost(Duration.ofSeconds(30)).until(() ->
        condition(harness.get(ns, name), "Ready").map(c -> c.getStatus().equals("True")).orElse(false));
  }

  @Test
  void deletionReleasesTheVendorSideOnceAndRemovesTheProvider() {
    String ns = harness.newTenantNamespace("acme");
    createReady(ns, "kim");

    harness.client().resources(CalendarProvider.class).inNamespace(ns).withName("kim").delete();

    await().atMost(Duration.ofSeconds(30)).until(() -> harness.get(ns, "kim") == null);
    assertThat(harness.sync.releases(ns + "/kim")).isEqualTo(1);
  }

  @Test
  void deletionCompletesWhenTheVendorIsUnreachableAfterBoundedAttemptsAndAWarning() {
    String ns = harness.newTenantNamespace("acme");
    createReady(ns, "leo");
    harness.sync.failReleases(ns + "/leo",
        new SyncFailure(SyncFailureReason.VendorUnavailable, "connect timed out", null, null));

    harness.client().resources(CalendarProvider.class).inNamespace(ns).withName("leo").delete();

    await().atMost(Duration.ofSeconds(30)).until(() -> harness.get(ns, "leo") == null);
    // The harness allows 3 attempts: two CleanupFailed warnings, then the finalizer is released with CleanupAbandoned.
    assertThat(harness.sync.releases(ns + "/leo")).isEqualTo(3);
    await().untilAsserted(() -> assertThat(harness.events(ns, "leo"))
        .filteredOn(e -> e.getType().equals("Warning"))
        .extracting(Event::getReason)
        .containsSubsequence("CleanupFailed", "CleanupFailed", "CleanupAbandoned"));
  }

  @Test
  void deletionCompletesWhenTheSecretIsAlreadyGone() {
    String ns = harness.newTenantNamespace("acme");
    createReady(ns, "mia");
    harness.client().secrets().inNamespace(ns).withName("creds-mia").delete();

    harness.client().resources(CalendarProvider.class).inNamespace(ns).withName("mia").delete();

    await().atMost(Duration.ofSeconds(30)).until(() -> harness.get(ns, "mia") == null);
    assertThat(harness.sync.releases(ns + "/mia")).isEqualTo(1);
  }
}
