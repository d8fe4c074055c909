package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The identity the operator runs as; pod and every binding must agree on its name. */
class ServiceAccountTest {

  @Test
  void createdByDefaultWithItsAnnotationsAndUsedEverywhere() {
    Chart.Manifests manifests = Chart.render("""
        serviceAccount:
          annotations: {iam.gke.io/gcp-service-account: calsync@example.iam.gserviceaccount.com}
        """);

    ServiceAccount account = manifests.get(ServiceAccount.class, "calendar-sync-operator");
    assertThat(account.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(account.getMetadata().getAnnotations())
        .isEqualTo(Map.of("iam.gke.io/gcp-service-account", "calsync@example.iam.gserviceaccount.com"));
    assertThat(account.getAutomountServiceAccountToken()).isTrue();
    assertUsedBy(manifests, "calendar-sync-operator");
  }

  @Test
  void customNameIsUsedForTheCreatedAccount() {
    Chart.Manifests manifests = Chart.render("serviceAccount: {name: calsync}");

    assertThat(manifests.all(ServiceAccount.class)).extracting(a -> a.getMetadata().getName()).containsExactly("calsync");
    assertUsedBy(manifests, "calsync");
  }

  @Test
  void notCreatedWhenDisabledAndTheExistingOneIsUsed() {
    Chart.Manifests manifests = Chart.render("serviceAccount: {create: false, name: platform-operator}");

    assertThat(manifests.all(ServiceAccount.class)).isEmpty();
    assertUsedBy(manifests, "platform-operator");
  }

  @Test
  void notCreatedAndUnnamedFallsBackToTheNamespaceDefault() {
    Chart.Manifests manifests = Chart.render("serviceAccount: {create: false}");

    assertThat(manifests.all(ServiceAccount.class)).isEmpty();
    assertUsedBy(manifests, "default");
  }

  private static void assertUsedBy(Chart.Manifests manifests, String name) {
    assertThat(manifests.deployment().getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(name);
    Stream<Subject> subjects = Stream.concat(
        manifests.all(ClusterRoleBinding.class).stream().flatMap(b -> b.getSubjects().stream()),
        manifests.all(RoleBinding.class).stream().flatMap(b -> b.getSubjects().stream()));
    assertThat(subjects.toList()).isNotEmpty()
        .allSatisfy(s -> assertThat(s).isEqualTo(new Subject(null, "ServiceAccount", name, Chart.NAMESPACE)));
  }
}
