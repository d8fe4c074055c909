package io.calendarsync.playground.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** One JSON mapper for the embedded API server, and the few node helpers everything here needs. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static JsonNode parse(byte[] bytes) {
    return parse(new String(bytes, StandardCharsets.UTF_8));
  }

  /** Parses a request body that must be a JSON object. */
  static ObjectNode parseObject(String text) {
    JsonNode node = parse(text);
    if (!(node instanceof ObjectNode object)) {
      throw ApiException.badRequest("the request body must be a JSON object");
    }
    return object;
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The object's {@code metadata}, created when missing. */
  static ObjectNode metadata(ObjectNode object) {
    JsonNode metadata = object.get("metadata");
    if (metadata instanceof ObjectNode m) {
      return m;
    }
    return object.putObject("metadata");
  }

  static String text(JsonNode node, String... path) {
    JsonNode current = node;
    for (String p : path) {
      if (current == null) {
        return null;
      }
      current = current.get(p);
    }
    return current == null || current.isNull() ? null : current.asText();
  }
}
