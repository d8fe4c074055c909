package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics Service and the optional Prometheus Operator ServiceMonitor scraping it. */
class MetricsTest {

  private static final Map<String, String> OPERATOR_PODS = Map.of(
      "app.kubernetes.io/name", "calendar-sync-operator",
      "app.kubernetes.io/instance", "calendar-sync-operator",
      "app.kubernetes.io/component", "operator");

  @Test
  void serviceExposesTheHttpPortOfTheOperatorPodsOnly() {
    Chart.Manifests manifests = Chart.render();
    Service service = manifests.get(Service.class, "calendar-sync-operator-metrics");

    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getSelector()).isEqualTo(OPERATOR_PODS);
    assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getName()).isEqualTo("http-metrics");
      assertThat(port.getPort()).isEqualTo(8080);
      assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
    });
    assertThat(manifests.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
  }

  @Test
  void noServiceMonitorByDefault() {
    // Its CRD only exists where the Prometheus Operator is installed.
    assertThat(Chart.render().ofKind("ServiceMonitor")).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void serviceMonitorScrapesMetricsWithTheConfiguredIntervalAndLabels() {
    GenericKubernetesResource monitor = (GenericKubernetesResource) Chart.render("""
        metrics:
          serviceMonitor: {enabled: true, interval: 15s, scrapeTimeout: 10s, labels: {release: prometheus}}
        """).ofKind("ServiceMonitor").get(0);

    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    assertThat((Map<String, Object>) monitor.get("spec", "selector", "matchLabels")).isEqualTo(OPERATOR_PODS);
    assertThat((List<String>) monitor.get("spec", "namespaceSelector", "matchNames")).containsExactly(Chart.NAMESPACE);
    assertThat((List<Map<String, Object>>) monitor.get("spec", "endpoints")).containsExactly(Map.of(
        "port", "http-metrics", "path", "/metrics", "interval", "15s", "scrapeTimeout", "10s"));
  }
}
