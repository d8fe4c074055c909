package io.calendarsync.operator.provider;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.CalendarSyncConflict;
import io.calendarsync.api.v1alpha1.CalendarSyncConflictSpec;
import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.operator.conflict.ConflictNames;
import io.calendarsync.operator.support.OperatorHarness;
import io.calendarsync.operator.support.Resources;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.calendarsync.operator.support.Resources.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A person resolves a conflict with kubectl patch; the provider applies it and the conflict disappears. */
class ConflictResolutionTest {

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
  void settingAResolutionAppliesItThroughTheProviderAndDeletesTheConflict() {
    String ns = harness.newTenantNamespace("acme");
    harness.client().resource(Resources.googleCredentials(ns, "creds")).create();
    harness.client().resource(Resources.provider(ns, "quinn", "acme", "creds")).create();
    await().atMost(Duration.ofSeconds(30)).until(() ->
        condition(harness.get(ns, "quinn"), "Ready").map(c -> c.getStatus().equals("True")).orElse(false));
    CalendarProvider provider = harness.get(ns, "quinn");
    String name = ConflictNames.of("quinn", "entry-7");
    CalendarSyncConflict conflict = new CalendarSyncConflict();
    conflict.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(ns)
        .addToLabels(ConflictNames.PROVIDER_LABEL, "quinn")
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(provider.getApiVersion())
            .withKind(provider.getKind()).withName("quinn").withUid(provider.getMetadata().getUid()).withController(true)
            .build())
        .build());
    CalendarSyncConflictSpec spec = new CalendarSyncConflictSpec();
    spec.setProviderName("quinn");
    spec.setEntryId("entry-7");
    spec.setExternalEventId("ev-7");
    conflict.setSpec(spec);
    harness.client().resource(conflict).create();

    harness.client().resources(CalendarSyncConflict.class).inNamespace(ns).withName(name).edit(c -> {
      c.getSpec().setResolution(ConflictResolution.KeepExternal);
      return c;
    });

    await().atMost(Duration.ofSeconds(30)).until(() ->
        harness.client().resources(CalendarSyncConflict.class).inNamespace(ns).withName(name).get() == null);
    assertThat(harness.sync.resolutions()).containsExactly(ns + "/quinn entry-7 KeepExternal");
    await().untilAsserted(() -> assertThat(harness.events(ns, "quinn")).extracting(Event::getReason)
        .contains("ConflictResolved"));
  }
}
