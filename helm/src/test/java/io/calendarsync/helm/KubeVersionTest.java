package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

/** Chart.yaml's kubeVersion: the chart uses policy/v1 and the APIs of 1.27+, and says so before installing. */
class KubeVersionTest {

  @Test
  void olderClustersAreRefused() {
    assertThatThrownBy(() -> template("v1.26.9")).hasMessageContaining("incompatible with Kubernetes v1.26.9");
  }

  @Test
  void supportedAndVendorPreReleaseVersionsAreAccepted() {
    assertThatNoException().isThrownBy(() -> template("v1.27.0"));
    assertThatNoException().isThrownBy(() -> template("v1.33.2-eks-1234567"));
  }

  private static String template(String kubeVersion) {
    return Chart.helm().template().withName(Chart.RELEASE).withNamespace(Chart.NAMESPACE)
        .withKubeVersion(kubeVersion).call();
  }
}
