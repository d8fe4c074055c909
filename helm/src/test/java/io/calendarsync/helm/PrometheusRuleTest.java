package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The optional PrometheusRule: the runbook's alerts, on metrics the operator really exposes. */
class PrometheusRuleTest {

  private static final Path RUNBOOK = Path.of(System.getProperty("runbook", "../docs/operations.md"));
  private static final List<String> ALERTS = List.of("CalendarSyncFailing", "CalendarSyncProvidersInError",
      "CalendarSyncAuthorizationRequired", "CalendarSyncConflictsOpenTooLong", "CalendarSyncStale",
      "CalendarSyncOperatorDown", "CalendarSyncReconcileErrors", "CalendarSyncTokenRefreshFailing",
      "CalendarSyncPushChannelsNotRenewed");

  @Test
  void noPrometheusRuleByDefault() {
    // Its CRD only exists where the Prometheus Operator is installed.
    assertThat(Chart.render().ofKind("PrometheusRule")).isEmpty();
  }

  @Test
  void everyAlertHasASeverityAndAnnotationsLinkingToItsRunbookSection() {
    GenericKubernetesResource rule = rule("prometheusRule: {enabled: true, labels: {release: prometheus}}");

    assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(rule.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(rule.getMetadata().getLabels()).containsEntry("release", "prometheus")
        .containsEntry("app.kubernetes.io/component", "operator");
    assertThat(rules(rule)).extracting(r -> r.get("alert")).containsExactlyElementsOf(ALERTS);
    for (Map<String, Object> alert : rules(rule)) {
      assertThat(labels(alert)).containsKey("severity");
      assertThat(annotations(alert)).containsOnlyKeys("summary", "description", "runbook_url");
      assertThat(annotations(alert).get("runbook_url"))
          .isEqualTo("docs/operations.md#" + alert.get("alert").toString().toLowerCase());
    }
  }

  @Test
  void runbookHasASectionForEveryAlert() throws IOException {
    Set<String> anchors = githubAnchors(Files.readString(RUNBOOK));

    assertThat(anchors).containsAll(ALERTS.stream().map(String::toLowerCase).toList());
  }

  @Test
  void expressionsOnlyUseMetricsTheOperatorExposes() {
    Set<String> allowed = new HashSet<>(ExposedMetrics.OPERATOR);
    allowed.addAll(ExposedMetrics.SCRAPE);

    for (Map<String, Object> alert : rules(rule("prometheusRule: {enabled: true}"))) {
      assertThat(ExposedMetrics.namesIn((String) alert.get("expr")))
          .as("metrics of %s", alert.get("alert"))
          .isNotEmpty()
          .isSubsetOf(allowed);
    }
  }

  @Test
  void metricNamesAreReadFromPromQlWithoutFunctionsLabelsOrKeywords() {
    assertThat(ExposedMetrics.namesIn("""
        sum by (vendor) (rate(a_total{job="x",result!~"B|c_d"}[15m])) / on() group_left(le) b_total > 0.1
          unless on() absent(up{job="j"} == 1) and histogram_quantile(0.9, c_bucket[$__rate_interval])
        """)).containsExactlyInAnyOrder("a_total", "b_total", "up", "c_bucket");
  }

  @Test
  void selectsTheMetricsOfThisReleaseAndCanBeToldOtherwise() {
    assertThat(rules(rule("prometheusRule: {enabled: true}")))
        .allSatisfy(alert -> assertThat((String) alert.get("expr"))
            .contains("{job=\"calendar-sync-operator-metrics\",namespace=\"calendar-sync\""));

    assertThat(rules(rule("prometheusRule: {enabled: true, metricsSelector: 'service=\"calsync\"'}")))
        .allSatisfy(alert -> assertThat((String) alert.get("expr")).contains("{service=\"calsync\"").doesNotContain("job="));
  }

  @Test
  void alertsAreTunedAndSwitchedOffOneByOne() {
    List<Map<String, Object>> alerts = rules(rule("""
        prometheusRule:
          enabled: true
          runbookUrl: https://wiki.example.com/calendar-sync/runbook
          alertLabels: {team: platform}
          alerts:
            syncFailing: {threshold: 0.25, for: 30m, severity: critical}
            conflictsOpenTooLong: {for: 72h}
            stale: {window: 26h}
            reconcileErrors: {enabled: false}
        """));
    Map<String, Map<String, Object>> byName = alerts.stream()
        .collect(Collectors.toMap(alert -> (String) alert.get("alert"), alert -> alert));

    assertThat(byName).doesNotContainKey("CalendarSyncReconcileErrors").hasSize(ALERTS.size() - 1);
    assertThat(byName.get("CalendarSyncFailing")).containsEntry("for", "30m");
    assertThat(labels(byName.get("CalendarSyncFailing"))).containsEntry("severity", "critical");
    assertThat((String) byName.get("CalendarSyncFailing").get("expr")).endsWith("> 0.25\n");
    assertThat(byName.get("CalendarSyncConflictsOpenTooLong")).containsEntry("for", "72h");
    assertThat(annotations(byName.get("CalendarSyncConflictsOpenTooLong")).get("description")).contains("72h");
    assertThat((String) byName.get("CalendarSyncStale").get("expr")).contains("[26h]");
    assertThat(alerts).allSatisfy(alert -> assertThat(labels(alert)).containsEntry("team", "platform"));
    assertThat(annotations(byName.get("CalendarSyncStale")).get("runbook_url"))
        .isEqualTo("https://wiki.example.com/calendar-sync/runbook#calendarsyncstale");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "prometheusRule: {enabled: true, alerts: {stale: {window: soon}}}",
      "prometheusRule: {enabled: true, alerts: {syncFailing: {threshold: 10}}}",
      "prometheusRule: {enabled: true, alerts: {tokenRefreshFailing: {threshold: 2}}}",
      "prometheusRule: {enabled: true, alerts: {operatorDown: {for: 5 minutes}}}",
      "prometheusRule: {enabled: true, alerts: {noSuchAlert: {enabled: false}}}",
      "prometheusRule: {enabled: true, runbookUrl: \"\"}",
  })
  void wrongSettingsFailRenderingAndNameTheField(String values) {
    assertThat(Chart.renderFailure(values)).contains("prometheusRule");
  }

  @Test
  void prometheusTemplatesInAnnotationsSurviveHelm() {
    Map<String, Object> failing = rules(rule("prometheusRule: {enabled: true}")).get(0);

    assertThat(annotations(failing).get("summary")).isEqualTo("Many {{ $labels.vendor }} calendar syncs are failing");
  }

  private static GenericKubernetesResource rule(String values) {
    List<?> rules = Chart.render(values).ofKind("PrometheusRule");
    assertThat(rules).hasSize(1);
    return (GenericKubernetesResource) rules.get(0);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rules(GenericKubernetesResource rule) {
    List<Map<String, Object>> groups = (List<Map<String, Object>>) rule.get("spec", "groups");
    assertThat(groups).hasSize(1);
    return (List<Map<String, Object>>) groups.get(0).get("rules");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> labels(Map<String, Object> alert) {
    return (Map<String, String>) alert.get("labels");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> annotations(Map<String, Object> alert) {
    return (Map<String, String>) alert.get("annotations");
  }

  /** The anchors GitHub gives Markdown headings: lower case, punctuation dropped, spaces as hyphens. */
  private static Set<String> githubAnchors(String markdown) {
    return Pattern.compile("(?m)^#{1,6} (.+)$").matcher(markdown).results()
        .map(heading -> heading.group(1).strip().toLowerCase().replaceAll("[^\\w\\- ]", "").replace(' ', '-'))
        .collect(Collectors.toSet());
  }
}
