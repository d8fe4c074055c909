package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * values.schema.json turns a mistyped value into an install-time error naming the field, instead of a Deployment that
 * crash-loops (or, worse, runs with a setting silently ignored).
 */
class ValuesSchemaTest {

  @ParameterizedTest(name = "{0} is rejected, naming {1}")
  @CsvSource(delimiter = '|', value = {
      "replicaCount: \"two\"                         | replicaCount",
      "replicaCount: -1                              | replicaCount",
      "logFormat: xml                                | logFormat",
      "logLevel: verbose                             | logLevel",
      "tenantEnforcement: \"yes\"                    | tenantEnforcement",
      "leaderElection: {enabled: \"true\"}           | leaderElection",
      "watchNamespaces: team-a,team-b                | watchNamespaces",
      "watchNamespaces: [Team_A]                     | watchNamespaces",
      "containerPort: 80                             | containerPort",
      "jvm: {maxRAMPercentage: 150}                  | jvm",
      "database: {existingSecret: \"\"}              | database",
      "redis: {uriKey: \"\"}                         | redis",
      "encryption: {existingSecret: 42}              | encryption",
      "receiver: {publicUrl: calendar.example.com}   | receiver",
      "image: {pullPolicy: Sometimes}                | image",
      "image: {digest: latest}                       | image",
      "crds: {keep: 1}                               | crds",
      "rbac: {create: \"false\"}                     | rbac",
      "metrics: {serviceMonitor: {interval: soon}}   | metrics",
      "podDisruptionBudget: {maxUnavailable: lots}   | podDisruptionBudget",
      "podAnnotations: {checksum: 1}                 | podAnnotations",
  })
  void wrongValueFailsRenderingAndNamesTheField(String values, String field) {
    String message = Chart.renderFailure(values);

    assertThat(message).contains("values don't meet the specifications of the schema").contains(field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"replicas: 2", "serviceAccount: {automount: false}", "metrics: {enabled: true}"})
  void unknownKeysAreRejectedSoTyposDoNotGoUnnoticed(String values) {
    assertThat(Chart.renderFailure(values)).contains("additional properties");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "replicaCount: 3",
      "logFormat: text",
      "logLevel: WARN",
      "jvm: {maxRAMPercentage: 50.5}",
      "podDisruptionBudget: {enabled: true, minAvailable: 1}",
      "receiver: {publicUrl: \"https://hooks.example.com/calendar\"}",
      "global: {imageRegistry: registry.example.com}",
  })
  void validValuesAreAccepted(String values) {
    assertThat(Chart.render(values).deployment()).isNotNull();
  }
}
