package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Grafana dashboard shipped as JSON, and the optional ConfigMap that hands it to Grafana's sidecar. */
class GrafanaDashboardTest {

  private static final Path DASHBOARD = Chart.DIRECTORY.resolve("files/dashboards/calendar-sync.json");
  private static final String CONFIG_MAP = "calendar-sync-operator-dashboard";
  private static final Pattern LABEL_VALUES_METRIC = Pattern.compile("label_values\\((\\w+)");

  @Test
  void dashboardShowsWhatTheRunbookDescribes() throws IOException {
    Map<String, Object> dashboard = dashboard();

    assertThat(dashboard).containsEntry("uid", "calendar-sync-operator");
    assertThat(panels(dashboard)).extracting(panel -> panel.get("title")).containsExactly(
        "Providers by phase", "Syncs by vendor and result", "Sync duration", "Reconcile duration quantiles",
        "Reconciles and errors", "Status writes", "JVM heap", "Push channels", "Push notifications consumed", "Token refreshes");
  }

  @Test
  void everyQueryUsesMetricsTheOperatorExposes() throws IOException {
    Map<String, Object> dashboard = dashboard();

    for (Map<String, Object> panel : panels(dashboard)) {
      assertThat(list(panel.get("targets"))).as(panel.get("title").toString()).isNotEmpty().allSatisfy(target ->
          assertThat(ExposedMetrics.namesIn((String) target.get("expr")))
              .as("%s: %s", panel.get("title"), target.get("expr"))
              .isNotEmpty()
              .isSubsetOf(ExposedMetrics.OPERATOR));
    }
    for (Map<String, Object> variable : list(map(dashboard.get("templating")).get("list"))) {
      if ("query".equals(variable.get("type"))) {
        String query = (String) map(variable.get("query")).get("query");
        assertThat(LABEL_VALUES_METRIC.matcher(query).results().map(m -> m.group(1)))
            .as(query).isNotEmpty().allMatch(ExposedMetrics.OPERATOR::contains);
      }
    }
  }

  @Test
  void noConfigMapByDefault() {
    assertThat(Chart.render().find(ConfigMap.class, CONFIG_MAP)).isEmpty();
  }

  @Test
  void configMapCarriesTheDashboardWithTheSidecarsLabel() throws IOException {
    ConfigMap configMap = Chart.render("grafanaDashboard: {enabled: true}").get(ConfigMap.class, CONFIG_MAP);

    assertThat(configMap.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(configMap.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(configMap.getData()).containsOnlyKeys("calendar-sync.json");
    assertThat(configMap.getData().get("calendar-sync.json")).isEqualTo(Files.readString(DASHBOARD).strip());
  }

  @Test
  void labelNamespaceAndFolderFollowTheGrafanaSetup() {
    ConfigMap configMap = Chart.render("""
        grafanaDashboard:
          enabled: true
          labelKey: dashboards
          labelValue: calendar
          namespace: monitoring
          annotations: {grafana_folder: Operators}
        """).get(ConfigMap.class, CONFIG_MAP);

    assertThat(configMap.getMetadata().getNamespace()).isEqualTo("monitoring");
    assertThat(configMap.getMetadata().getLabels()).containsEntry("dashboards", "calendar")
        .doesNotContainKey("grafana_dashboard");
    assertThat(configMap.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Operators");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "grafanaDashboard: {enabled: true, labelKey: \"grafana dashboard\"}",
      "grafanaDashboard: {enabled: true, namespace: Monitoring}",
      "grafanaDashboard: {enabled: \"yes\"}",
  })
  void wrongSettingsFailRenderingAndNameTheField(String values) {
    assertThat(Chart.renderFailure(values)).contains("grafanaDashboard");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> dashboard() throws IOException {
    return new ObjectMapper().readValue(Files.readString(DASHBOARD), Map.class);
  }

  private static List<Map<String, Object>> panels(Map<String, Object> dashboard) {
    return list(dashboard.get("panels"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
