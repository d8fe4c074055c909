package io.calendarsync.helm;

import static io.calendarsync.helm.ReceiverDeploymentTest.ENABLED;
import static io.calendarsync.helm.ReceiverDeploymentTest.RECEIVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only the ingress controller reaches the webhook port, only the monitoring stack the metrics port. */
class ReceiverNetworkPolicyTest {

  @Test
  void noneUnlessEnabled() {
    assertThat(Chart.render(ENABLED).all(NetworkPolicy.class)).isEmpty();
  }

  @Test
  void defaultsAdmitIngressNginxToWebhooksAndPrometheusToMetrics() {
    NetworkPolicy policy = Chart.render("receiver: {enabled: true, networkPolicy: {enabled: true}}")
        .get(NetworkPolicy.class, RECEIVER);

    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/component", "webhook-receiver");
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getIngress()).hasSize(2);
    assertRule(policy.getSpec().getIngress().get(0), 8080,
        labels("kubernetes.io/metadata.name", "ingress-nginx"), labels("app.kubernetes.io/name", "ingress-nginx"));
    assertRule(policy.getSpec().getIngress().get(1), 9090,
        labels("kubernetes.io/metadata.name", "monitoring"), labels("app.kubernetes.io/name", "prometheus"));
  }

  @Test
  void selectorsAndPortsAreConfigurable() {
    NetworkPolicy policy = Chart.render("""
        receiver:
          enabled: true
          port: 8443
          managementPort: 9443
          networkPolicy:
            enabled: true
            ingressController:
              namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: traefik}}
              podSelector: {matchLabels: {app.kubernetes.io/name: traefik}}
            monitoring:
              namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: observability}}
              # null drops the default matchLabels, which Helm would otherwise merge in.
              podSelector: {matchLabels: null, matchExpressions: [{key: app, operator: In, values: [vmagent]}]}
        """).get(NetworkPolicy.class, RECEIVER);

    assertRule(policy.getSpec().getIngress().get(0), 8443,
        labels("kubernetes.io/metadata.name", "traefik"), labels("app.kubernetes.io/name", "traefik"));
    assertRule(policy.getSpec().getIngress().get(1), 9443, labels("kubernetes.io/metadata.name", "observability"),
        new LabelSelectorBuilder().addNewMatchExpression().withKey("app").withOperator("In").withValues("vmagent")
            .endMatchExpression().build());
  }

  /** One peer that must match both selectors (the same list item: namespace AND pod), on one TCP port. */
  private static void assertRule(NetworkPolicyIngressRule rule, int port, LabelSelector namespaces, LabelSelector pods) {
    assertThat(rule.getFrom()).singleElement().satisfies((NetworkPolicyPeer peer) -> {
      assertThat(peer.getNamespaceSelector()).isEqualTo(namespaces);
      assertThat(peer.getPodSelector()).isEqualTo(pods);
      assertThat(peer.getIpBlock()).isNull();
    });
    assertThat(rule.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getPort().getIntVal()).isEqualTo(port);
      assertThat(p.getProtocol()).isEqualTo("TCP");
    });
  }

  private static LabelSelector labels(String key, String value) {
    return new LabelSelectorBuilder().withMatchLabels(Map.of(key, value)).build();
  }
}
