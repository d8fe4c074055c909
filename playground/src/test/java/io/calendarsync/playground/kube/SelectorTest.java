package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SelectorTest {

  private static final JsonNode EVENT = Json.parse("""
      {"metadata":{"name":"alice.1","namespace":"acme","labels":{"tier":"gold","team":"blue"}},
       "involvedObject":{"kind":"CalendarProvider","name":"alice","namespace":"acme","uid":"u-1"},
       "type":"Normal"}""");

  @Test
  void fieldSelectorsAsKubectlDescribeSendsThem() {
    assertThat(FieldSelector.parse("involvedObject.name=alice,involvedObject.namespace=acme,"
        + "involvedObject.kind=CalendarProvider,involvedObject.uid=u-1").test(EVENT)).isTrue();
    assertThat(FieldSelector.parse("involvedObject.name=alice,involvedObject.uid=u-2").test(EVENT)).isFalse();
    assertThat(FieldSelector.parse("involvedObject.name==bob").test(EVENT)).isFalse();
    assertThat(FieldSelector.parse("type!=Warning").test(EVENT)).isTrue();
    assertThat(FieldSelector.parse("involvedObject.fieldPath=").test(EVENT)).isTrue();
    assertThat(FieldSelector.parse("metadata.name=alice.1").test(EVENT)).isTrue();
    assertThat(FieldSelector.parse("").test(EVENT)).isTrue();
    assertThat(FieldSelector.parse("metadata.name=a\\,b").test(Json.parse("{\"metadata\":{\"name\":\"a,b\"}}")))
        .isTrue();
  }

  @Test
  void labelSelectors() {
    assertThat(LabelSelector.parse("tier=gold,team==blue").test(EVENT)).isTrue();
    assertThat(LabelSelector.parse("tier!=gold").test(EVENT)).isFalse();
    assertThat(LabelSelector.parse("missing!=x").test(EVENT)).isTrue();
    assertThat(LabelSelector.parse("tier in (gold, silver),team notin (red)").test(EVENT)).isTrue();
    assertThat(LabelSelector.parse("tier notin (gold)").test(EVENT)).isFalse();
    assertThat(LabelSelector.parse("team,!missing").test(EVENT)).isTrue();
    assertThat(LabelSelector.parse("!team").test(EVENT)).isFalse();
  }
}
