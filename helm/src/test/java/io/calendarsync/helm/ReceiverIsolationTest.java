package io.calendarsync.helm;

import static io.calendarsync.helm.ReceiverDeploymentTest.ENABLED;
import static io.calendarsync.helm.ReceiverDeploymentTest.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The internet-facing pod holds no Kubernetes credentials: no ServiceAccount token is mounted, and enabling the
 * receiver adds no ServiceAccount, Role or binding. A compromised receiver can reach Redis, and nothing else.
 */
class ReceiverIsolationTest {

  @Test
  void noServiceAccountTokenIsMounted() {
    PodSpec receiver = pod(Chart.render(ENABLED));

    assertThat(receiver.getAutomountServiceAccountToken()).isFalse();
    assertThat(receiver.getServiceAccountName()).as("never the operator's account").isNull();
    assertThat(receiver.getContainers().get(0).getVolumeMounts())
        .noneMatch(mount -> mount.getMountPath().startsWith("/var/run/secrets"));
  }

  @Test
  void enablingTheReceiverAddsNoIdentityAndNoPermission() {
    assertThat(identityAndRbac(Chart.render(ENABLED))).isEqualTo(identityAndRbac(Chart.render()));
  }

  @Test
  void noBindingNamesAnythingOfTheReceiver() {
    Chart.Manifests manifests = Chart.render(ENABLED);

    assertThat(Stream.concat(
            manifests.all(ClusterRoleBinding.class).stream().flatMap(b -> b.getSubjects().stream()),
            manifests.all(RoleBinding.class).stream().flatMap(b -> b.getSubjects().stream())))
        .allSatisfy(subject -> assertThat(subject.getName()).doesNotContain("receiver"));
  }

  /** Every ServiceAccount, Role, ClusterRole and binding, whole. */
  private static List<String> identityAndRbac(Chart.Manifests manifests) {
    return Stream.of(ServiceAccount.class, Role.class, ClusterRole.class, RoleBinding.class, ClusterRoleBinding.class)
        .flatMap(type -> manifests.all(type).stream())
        .map(Serialization::asYaml)
        .sorted()
        .toList();
  }
}
