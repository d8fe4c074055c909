package io.calendarsync.helm;

import static io.calendarsync.helm.ReceiverDeploymentTest.RECEIVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The receiver's values are validated like the rest: a typo or a wrong type fails the install, naming the field. */
class ReceiverValuesSchemaTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "receiver: {enabled: \"yes\"}",
      "receiver: {enabled: true, port: 80}",
      "receiver: {enabled: true, managementPort: \"9090\"}",
      "receiver: {enabled: true, replicaCount: -1}",
      "receiver: {enabled: true, image: {digest: latest}}",
      "receiver: {enabled: true, ingress: {enabled: true, host: \"https://hooks.example.com\"}}",
      "receiver: {enabled: true, ingress: {enabled: true, host: h.example.com, tls: {secretName: 42}}}",
      "receiver: {enabled: true, networkPolicy: {enabled: true, monitoring: {namespaceSelector: monitoring}}}",
      "receiver: {enabled: true, autoscaling: {enabled: true, maxReplicas: 0}}",
      "receiver: {enabled: true, autoscaling: {enabled: true, targetCPUUtilizationPercentage: 150}}",
      "receiver: {enabled: true, podDisruptionBudget: {enabled: true, maxUnavailable: lots}}",
  })
  void wrongValueFailsRenderingAndNamesTheReceiver(String values) {
    assertThat(Chart.renderFailure(values)).contains("values don't meet the specifications of the schema")
        .contains("receiver");
  }

  @ParameterizedTest
  @ValueSource(strings = {"receiver: {enabled: true, replicas: 2}", "receiver: {enabled: true, ingress: {tls: true, hosts: []}}"})
  void unknownKeysAreRejected(String values) {
    assertThat(Chart.renderFailure(values)).contains("additional properties");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "receiver: {enabled: true, replicaCount: 5}",
      "receiver: {enabled: true, podDisruptionBudget: {enabled: true, minAvailable: 1}}",
      "receiver: {enabled: true, networkPolicy: {enabled: true, monitoring: {namespaceSelector: {}, podSelector: {}}}}",
  })
  void validValuesAreAccepted(String values) {
    assertThat(Chart.render(values).get(Deployment.class, RECEIVER)).isNotNull();
  }
}
