package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonPathTest {

  private static final JsonNode OBJECT = Json.parse("""
      {"metadata":{"name":"alice","labels":{"app.kubernetes.io/name":"sync"}},
       "spec":{"vendor":"Google"},
       "status":{"openConflicts":3,"conditions":[
         {"type":"Connected","status":"True"},
         {"type":"Ready","status":"False","observedGeneration":2}]}}""");

  @Test
  void simplePathsIndexesAndWildcards() {
    assertThat(JsonPath.compile(".spec.vendor").first(OBJECT).asText()).isEqualTo("Google");
    assertThat(JsonPath.compile("{.status.conditions[1].type}").first(OBJECT).asText()).isEqualTo("Ready");
    assertThat(JsonPath.compile(".status.conditions[-1].type").first(OBJECT).asText()).isEqualTo("Ready");
    assertThat(JsonPath.compile("$.status.conditions[*].type").evaluate(OBJECT))
        .extracting(JsonNode::asText).containsExactly("Connected", "Ready");
    assertThat(JsonPath.compile(".status.conditions[0:1].type").evaluate(OBJECT)).hasSize(1);
    assertThat(JsonPath.compile("..type").evaluate(OBJECT)).extracting(JsonNode::asText)
        .containsExactly("Connected", "Ready");
    assertThat(JsonPath.compile(".metadata.labels['app.kubernetes.io/name']").first(OBJECT).asText())
        .isEqualTo("sync");
    assertThat(JsonPath.compile(".metadata.labels.app\\.kubernetes\\.io/name").first(OBJECT).asText())
        .isEqualTo("sync");
  }

  @Test
  void filtersAsPrinterColumnsUseThem() {
    assertThat(JsonPath.compile(".status.conditions[?(@.type==\"Ready\")].status").first(OBJECT).asText())
        .isEqualTo("False");
    assertThat(JsonPath.compile(".status.conditions[?(@.type=='Connected')].status").first(OBJECT).asText())
        .isEqualTo("True");
    assertThat(JsonPath.compile(".status.conditions[?(@.type!=\"Ready\")].type").first(OBJECT).asText())
        .isEqualTo("Connected");
    assertThat(JsonPath.compile(".status.conditions[?(@.observedGeneration>=2)].type").first(OBJECT).asText())
        .isEqualTo("Ready");
    assertThat(JsonPath.compile(".status.conditions[?(@.observedGeneration)].type").evaluate(OBJECT)).hasSize(1);
    assertThat(JsonPath.compile(".status.conditions[?(@.type==\"Stalled\")].status").evaluate(OBJECT)).isEmpty();
  }

  @Test
  void missingPathsSelectNothing() {
    assertThat(JsonPath.compile(".status.lastSyncTime").first(OBJECT)).isNull();
    assertThat(JsonPath.compile(".spec.vendor.nested[0]").evaluate(OBJECT)).isEmpty();
    assertThat(JsonPath.compile(".status.conditions[5]").evaluate(OBJECT)).isEmpty();
  }

  @Test
  void columnsConvertByType() {
    assertThat(JsonPathColumns.cell("integer", Json.parse("3"))).isEqualTo(3L);
    assertThat(JsonPathColumns.cell("integer", Json.parse("\"3\""))).isNull();
    assertThat(JsonPathColumns.cell("string", Json.parse("3"))).isEqualTo("3");
    assertThat(JsonPathColumns.cell("boolean", Json.parse("true"))).isEqualTo(true);
    assertThat(JsonPathColumns.cell("date", Json.parse("\"not a date\""))).isEqualTo("<invalid>");
    assertThat(JsonPathColumns.cell("string", null)).isNull();
  }
}
