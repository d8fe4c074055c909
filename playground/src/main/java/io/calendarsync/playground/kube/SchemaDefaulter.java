package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Structural-schema defaulting as kube-apiserver does it for custom resources: a property that is absent and whose
 * schema has a {@code default} gets it, recursively into objects and array items that are present (or were just
 * defaulted). So {@code kubectl get calendarproviders} shows DIRECTION Bidirectional for a manifest that left it out,
 * as a real cluster would.
 */
final class SchemaDefaulter {

  private SchemaDefaulter() {
  }

  static void apply(JsonNode schema, JsonNode value) {
    if (schema == null || value == null) {
      return;
    }
    if (value.isObject()) {
      ObjectNode object = (ObjectNode) value;
      JsonNode properties = schema.path("properties");
      for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> property = it.next();
        JsonNode propertySchema = property.getValue();
        if (!object.has(property.getKey()) && propertySchema.has("default")) {
          object.set(property.getKey(), propertySchema.get("default").deepCopy());
        }
        if (object.has(property.getKey()) && !isMetadata(property.getKey(), schema)) {
          apply(propertySchema, object.get(property.getKey()));
        }
      }
      JsonNode additional = schema.path("additionalProperties");
      if (additional.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
          Map.Entry<String, JsonNode> entry = it.next();
          if (!properties.has(entry.getKey())) {
            apply(additional, entry.getValue());
          }
        }
      }
    } else if (value.isArray()) {
      JsonNode items = schema.path("items");
      if (items.isObject()) {
        value.forEach(element -> apply(items, element));
      }
    }
  }

  private static boolean isMetadata(String key, JsonNode schema) {
    return key.equals("metadata") && schema.path("properties").has("spec");
  }
}
