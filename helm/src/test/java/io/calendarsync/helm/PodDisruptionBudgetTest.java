package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

/** The optional PodDisruptionBudget. */
class PodDisruptionBudgetTest {

  @Test
  void noneByDefault() {
    assertThat(Chart.render().all(PodDisruptionBudget.class)).isEmpty();
  }

  @Test
  void enabledAllowsOneVoluntaryDisruptionOfTheOperatorPods() {
    // maxUnavailable rather than minAvailable: a single replica must not block node drains forever.
    PodDisruptionBudget budget = Chart.render("podDisruptionBudget: {enabled: true}").get(PodDisruptionBudget.class,
        "calendar-sync-operator");

    assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(budget.getSpec().getMinAvailable()).isNull();
    assertThat(budget.getSpec().getSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/component", "operator")
        .containsEntry("app.kubernetes.io/instance", "calendar-sync-operator");
  }

  @Test
  void minAvailableWinsWhenSet() {
    PodDisruptionBudget budget = Chart.render("""
        replicaCount: 3
        podDisruptionBudget: {enabled: true, minAvailable: "50%"}
        """).get(PodDisruptionBudget.class, "calendar-sync-operator");

    assertThat(budget.getSpec().getMinAvailable().getStrVal()).isEqualTo("50%");
    assertThat(budget.getSpec().getMaxUnavailable()).isNull();
  }
}
