package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatchTest {

  private static final ObjectNode SECRET = (ObjectNode) Json.parse("""
      {"apiVersion":"v1","kind":"Secret",
       "metadata":{"name":"s","finalizers":["a/x","a/y"],"labels":{"keep":"1","drop":"2"},
         "ownerReferences":[{"uid":"u1","name":"one"},{"uid":"u2","name":"two"}]},
       "data":{"k1":"djE=","k2":"djI="},"type":"Opaque"}""");

  @Test
  void mergePatchReplacesListsAndDeletesWithNull() {
    JsonNode result = JsonMergePatch.apply(SECRET, Json.parse("""
        {"metadata":{"finalizers":["a/z"],"labels":{"drop":null,"new":"3"}},"data":{"k2":null}}"""));
    assertThat(result.at("/metadata/finalizers")).isEqualTo(Json.parse("[\"a/z\"]"));
    assertThat(result.at("/metadata/labels")).isEqualTo(Json.parse("{\"keep\":\"1\",\"new\":\"3\"}"));
    assertThat(result.at("/data")).isEqualTo(Json.parse("{\"k1\":\"djE=\"}"));
    assertThat(SECRET.at("/metadata/finalizers").size()).isEqualTo(2); // the input is not modified
  }

  @Test
  void strategicMergeOfMapsAndScalarsIsAMergePatch() {
    JsonNode patch = Json.parse("""
        {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"},
          "labels":{"drop":null}},"data":{"k3":"djM="},"type":"Opaque"}""");
    assertThat(StrategicMergePatch.apply(SECRET, patch)).isEqualTo(JsonMergePatch.apply(SECRET, patch));
  }

  @Test
  void strategicMergeMergesFinalizersAndOwnerReferences() {
    JsonNode result = StrategicMergePatch.apply(SECRET, Json.parse("""
        {"metadata":{"finalizers":["a/y","a/z"],
          "ownerReferences":[{"uid":"u2","name":"two-renamed"},{"uid":"u3","name":"three"},
            {"uid":"u1","$patch":"delete"}],
          "$setElementOrder/finalizers":["a/x","a/y","a/z"]}}"""));
    assertThat(result.at("/metadata/finalizers")).isEqualTo(Json.parse("[\"a/x\",\"a/y\",\"a/z\"]"));
    assertThat(result.at("/metadata/ownerReferences")).isEqualTo(Json.parse(
        "[{\"uid\":\"u2\",\"name\":\"two-renamed\"},{\"uid\":\"u3\",\"name\":\"three\"}]"));
  }

  @Test
  void strategicMergeDirectives() {
    JsonNode result = StrategicMergePatch.apply(SECRET, Json.parse("""
        {"metadata":{"$deleteFromPrimitiveList/finalizers":["a/x"],"labels":{"$patch":"replace","only":"this"}},
         "data":{"$patch":"delete"}}"""));
    assertThat(result.at("/metadata/finalizers")).isEqualTo(Json.parse("[\"a/y\"]"));
    assertThat(result.at("/metadata/labels")).isEqualTo(Json.parse("{\"only\":\"this\"}"));
    assertThat(result.has("data")).isFalse();

    JsonNode retained = StrategicMergePatch.apply(SECRET, Json.parse("""
        {"data":{"$retainKeys":["k1","k9"],"k9":"djk="}}"""));
    assertThat(retained.at("/data")).isEqualTo(Json.parse("{\"k1\":\"djE=\",\"k9\":\"djk=\"}"));
  }

  @Test
  void strategicMergeIsRefusedForCustomResourcesAsByKubeApiserver() {
    ResourceType provider = new ResourceType("calendarsync.io", "v1alpha1", "CalendarProvider", "calendarproviders",
        "calendarprovider", true, java.util.List.of(), java.util.List.of(), true, java.util.List.of(), null, false,
        false);
    assertThatThrownBy(() -> PatchTranslator.apply(provider, SECRET.deepCopy(),
        PatchTranslator.STRATEGIC_MERGE_PATCH, "{}"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(415));
    assertThatThrownBy(() -> PatchTranslator.apply(provider, SECRET.deepCopy(), PatchTranslator.APPLY_PATCH, "{}"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(415));
    assertThat(PatchTranslator.apply(provider, SECRET.deepCopy(), PatchTranslator.JSON_PATCH,
        "[{\"op\":\"replace\",\"path\":\"/type\",\"value\":\"x\"}]").get("type").asText()).isEqualTo("x");
  }
}
