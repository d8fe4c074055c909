package io.calendarsync.helm;

import static io.calendarsync.helm.ReceiverDeploymentTest.ENABLED;
import static io.calendarsync.helm.ReceiverDeploymentTest.RECEIVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

/** The receiver's optional PodDisruptionBudget and HorizontalPodAutoscaler. */
class ReceiverScalingTest {

  @Test
  void neitherByDefault() {
    Chart.Manifests manifests = Chart.render(ENABLED);

    assertThat(manifests.find(PodDisruptionBudget.class, RECEIVER)).isEmpty();
    assertThat(manifests.all(HorizontalPodAutoscaler.class)).isEmpty();
  }

  @Test
  void disruptionBudgetCoversReceiverPodsOnly() {
    PodDisruptionBudget budget = Chart.render("receiver: {enabled: true, podDisruptionBudget: {enabled: true}}")
        .get(PodDisruptionBudget.class, RECEIVER);

    assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(budget.getSpec().getMinAvailable()).isNull();
    assertThat(budget.getSpec().getSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/component", "webhook-receiver");
  }

  @Test
  void disruptionBudgetMinAvailableWinsWhenSet() {
    PodDisruptionBudget budget = Chart.render(
        "receiver: {enabled: true, podDisruptionBudget: {enabled: true, minAvailable: \"50%\"}}")
        .get(PodDisruptionBudget.class, RECEIVER);

    assertThat(budget.getSpec().getMinAvailable().getStrVal()).isEqualTo("50%");
    assertThat(budget.getSpec().getMaxUnavailable()).isNull();
  }

  @Test
  void autoscalerScalesTheDeploymentOnCpuAndOwnsItsReplicas() {
    Chart.Manifests manifests = Chart.render("""
        receiver:
          enabled: true
          autoscaling: {enabled: true, minReplicas: 3, maxReplicas: 12, targetCPUUtilizationPercentage: 60}
        """);
    HorizontalPodAutoscaler autoscaler = manifests.get(HorizontalPodAutoscaler.class, RECEIVER);

    assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(RECEIVER);
    assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(12);
    assertThat(autoscaler.getSpec().getMetrics()).singleElement().satisfies(metric -> {
      assertThat(metric.getResource().getName()).isEqualTo("cpu");
      assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(60);
    });
    // A fixed replica count would fight the autoscaler on every upgrade.
    assertThat(manifests.get(Deployment.class, RECEIVER).getSpec().getReplicas()).isNull();
  }

  @Test
  void autoscalerBoundsMustMakeSense() {
    assertThat(Chart.renderFailure("receiver: {enabled: true, autoscaling: {enabled: true, minReplicas: 5, maxReplicas: 2}}"))
        .contains("minReplicas must not exceed");
  }
}
