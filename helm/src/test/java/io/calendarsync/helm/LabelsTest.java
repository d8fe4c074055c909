package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Standard labels and namespaces on everything the chart renders, so `kubectl get -l` and Helm ownership work. */
class LabelsTest {

  /** With every optional object switched on, so they are all checked. */
  private static final String EVERYTHING = """
      metrics: {serviceMonitor: {enabled: true}}
      podDisruptionBudget: {enabled: true}
      """;

  private static final Set<Class<? extends HasMetadata>> CLUSTER_SCOPED =
      Set.of(CustomResourceDefinition.class, ClusterRole.class, ClusterRoleBinding.class);

  @Test
  void everyObjectCarriesTheStandardLabels() {
    assertThat(Chart.render(EVERYTHING).objects()).isNotEmpty().allSatisfy(object -> {
      assertThat(object.getMetadata().getLabels())
          .as("%s/%s", object.getKind(), object.getMetadata().getName())
          .containsEntry("helm.sh/chart", "calendar-sync-operator-0.1.0")
          .containsEntry("app.kubernetes.io/name", "calendar-sync-operator")
          .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
          .containsEntry("app.kubernetes.io/version", "0.1.0")
          .containsEntry("app.kubernetes.io/managed-by", "Helm")
          .containsEntry("app.kubernetes.io/part-of", "calendar-sync");
    });
  }

  @Test
  void namespacedObjectsLandInTheReleaseNamespaceExceptRbacOfWatchedNamespaces() {
    Chart.Manifests manifests = Chart.render(EVERYTHING + "watchNamespaces: [team-a]\n");

    assertThat(manifests.objects())
        .filteredOn(o -> CLUSTER_SCOPED.stream().noneMatch(scope -> scope.isInstance(o)))
        .filteredOn(o -> !"team-a".equals(o.getMetadata().getNamespace()))
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as("%s/%s", o.getKind(), o.getMetadata().getName())
            .isEqualTo(Chart.NAMESPACE));
    assertThat(manifests.objects()).filteredOn(o -> "team-a".equals(o.getMetadata().getNamespace()))
        .allSatisfy(o -> assertThat(o).isInstanceOfAny(Role.class, RoleBinding.class));
    assertThat(manifests.objects()).filteredOn(o -> CLUSTER_SCOPED.stream().anyMatch(scope -> scope.isInstance(o)))
        .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isNull());
  }
}
