package io.calendarsync.helm;

import static io.calendarsync.helm.ReceiverDeploymentTest.ENABLED;
import static io.calendarsync.helm.ReceiverDeploymentTest.RECEIVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook Service (what the Ingress reaches) and, separately, the metrics Service and its ServiceMonitor. */
class ReceiverServiceTest {

  private static final Map<String, String> RECEIVER_PODS = Map.of(
      "app.kubernetes.io/name", "calendar-sync-operator",
      "app.kubernetes.io/instance", "calendar-sync-operator",
      "app.kubernetes.io/component", "webhook-receiver");

  @Test
  void webhookServiceExposesOnlyTheWebhookPort() {
    Chart.Manifests manifests = Chart.render(ENABLED);
    Service service = manifests.get(Service.class, RECEIVER);

    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getSelector()).isEqualTo(RECEIVER_PODS);
    assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getName()).isEqualTo("http");
      assertThat(port.getPort()).isEqualTo(80);
      assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
    });
    assertThat(manifests.get(Deployment.class, RECEIVER).getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
  }

  @Test
  void metricsHaveTheirOwnService() {
    Service metrics = Chart.render(ENABLED).get(Service.class, RECEIVER + "-metrics");

    assertThat(metrics.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(metrics.getSpec().getSelector()).isEqualTo(RECEIVER_PODS);
    assertThat(metrics.getSpec().getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getName()).isEqualTo("http-metrics");
      assertThat(port.getPort()).isEqualTo(9090);
      assertThat(port.getTargetPort().getStrVal()).isEqualTo("management");
    });
  }

  @Test
  void serviceTypePortAndAnnotationsAreConfigurable() {
    Service service = Chart.render("""
        receiver:
          enabled: true
          service: {type: LoadBalancer, port: 8080, annotations: {example.com/lb: internal}}
          metricsService: {port: 9191}
        """).get(Service.class, RECEIVER);

    assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8080);
    assertThat(service.getMetadata().getAnnotations()).containsEntry("example.com/lb", "internal");
  }

  @Test
  @SuppressWarnings("unchecked")
  void serviceMonitorScrapesTheReceiverWhenMonitoringIsOn() {
    Chart.Manifests manifests = Chart.render("""
        metrics:
          serviceMonitor: {enabled: true, interval: 15s, labels: {release: prometheus}}
        receiver: {enabled: true}
        """);

    GenericKubernetesResource monitor = (GenericKubernetesResource) manifests.ofKind("ServiceMonitor").stream()
        .filter(m -> m.getMetadata().getName().equals(RECEIVER)).findFirst().orElseThrow();
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    assertThat((Map<String, Object>) monitor.get("spec", "selector", "matchLabels")).isEqualTo(RECEIVER_PODS);
    assertThat((List<Map<String, Object>>) monitor.get("spec", "endpoints"))
        .containsExactly(Map.of("port", "http-metrics", "path", "/metrics", "interval", "15s"));
    assertThat(Chart.render(ENABLED).ofKind("ServiceMonitor")).isEmpty();
  }
}
