package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * RFC 7386 JSON merge patch: objects merge key by key, null removes, and everything else (lists included) replaces.
 * The fabric8 mock applies merge patches with Jackson's readerForUpdating, which appends to lists; this is the
 * semantics kube-apiserver implements instead.
 */
final class JsonMergePatch {

  private JsonMergePatch() {
  }

  static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      if (value.isNull()) {
        result.remove(entry.getKey());
      } else {
        result.set(entry.getKey(), apply(result.get(entry.getKey()), value));
      }
    }
    return result;
  }
}
