package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch for the built-in kinds this server serves (Namespace, Secret, ConfigMap, ServiceAccount,
 * Event, Lease, CustomResourceDefinition), which is what {@code kubectl apply}, {@code annotate}, {@code label} and
 * {@code edit} send for built-ins. For these kinds it equals a JSON merge patch except for:
 * <ul>
 *   <li>the two patch-strategy lists of ObjectMeta: {@code metadata.finalizers} (merged as a set) and
 *       {@code metadata.ownerReferences} (merged by {@code uid});</li>
 *   <li>the directives {@code $patch} (replace, delete, merge), {@code $retainKeys},
 *       {@code $deleteFromPrimitiveList/<field>} and {@code $setElementOrder/<field>} (order only: ignored).</li>
 * </ul>
 * Every other list in these kinds has no patch strategy, so kube-apiserver replaces it too. Kinds with strategic
 * lists in their bodies (Pods, Deployments, Services...) are not served, so that simplification stays exact.
 */
final class StrategicMergePatch {

  private static final String SET_ELEMENT_ORDER = "$setElementOrder/";
  private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

  private StrategicMergePatch() {
  }

  static JsonNode apply(JsonNode target, JsonNode patch) {
    return merge(target, patch, "");
  }

  private static JsonNode merge(JsonNode target, JsonNode patch, String path) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    String directive = patch.path("$patch").asText("");
    if (directive.equals("delete")) {
      return null;
    }
    ObjectNode result;
    if (directive.equals("replace") || target == null || !target.isObject()) {
      result = Json.object();
    } else {
      result = ((ObjectNode) target).deepCopy();
    }
    Set<String> retainKeys = null;
    if (patch.has("$retainKeys")) {
      retainKeys = new HashSet<>();
      for (JsonNode key : patch.get("$retainKeys")) {
        retainKeys.add(key.asText());
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (key.equals("$patch") || key.equals("$retainKeys") || key.startsWith(SET_ELEMENT_ORDER)) {
        continue;
      }
      if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
        String field = key.substring(DELETE_FROM_PRIMITIVE_LIST.length());
        JsonNode list = result.get(field);
        if (list instanceof ArrayNode array) {
          ArrayNode kept = Json.array();
          for (JsonNode element : array) {
            if (!contains(value, element)) {
              kept.add(element);
            }
          }
          result.set(field, kept);
        }
        continue;
      }
      String childPath = path + "/" + key;
      if (value.isNull()) {
        result.remove(key);
      } else if (value.isArray() && childPath.equals("/metadata/finalizers")) {
        result.set(key, mergePrimitiveList(result.get(key), (ArrayNode) value));
      } else if (value.isArray() && childPath.equals("/metadata/ownerReferences")) {
        result.set(key, mergeKeyedList(result.get(key), (ArrayNode) value, "uid", childPath));
      } else if (value.isObject()) {
        JsonNode merged = merge(result.get(key), value, childPath);
        if (merged == null) {
          result.remove(key);
        } else {
          result.set(key, merged);
        }
      } else {
        result.set(key, value.deepCopy());
      }
    }
    if (retainKeys != null) {
      Set<String> keep = retainKeys;
      result.properties().removeIf(e -> !keep.contains(e.getKey()));
    }
    return result;
  }

  private static ArrayNode mergePrimitiveList(JsonNode current, ArrayNode patch) {
    ArrayNode result = current instanceof ArrayNode a ? a.deepCopy() : Json.array();
    for (JsonNode element : patch) {
      if (element.isObject() && element.has("$patch")) {
        continue;
      }
      if (!contains(result, element)) {
        result.add(element);
      }
    }
    return result;
  }

  private static ArrayNode mergeKeyedList(JsonNode current, ArrayNode patch, String mergeKey, String path) {
    ArrayNode result = current instanceof ArrayNode a ? a.deepCopy() : Json.array();
    for (JsonNode element : patch) {
      if (element.isObject() && "replace".equals(element.path("$patch").asText())) {
        ArrayNode replaced = Json.array();
        patch.forEach(e -> {
          if (!e.has("$patch")) {
            replaced.add(e);
          }
        });
        return replaced;
      }
    }
    for (JsonNode element : patch) {
      JsonNode key = element.get(mergeKey);
      int index = -1;
      for (int i = 0; i < result.size(); i++) {
        if (key != null && key.equals(result.get(i).get(mergeKey))) {
          index = i;
          break;
        }
      }
      if ("delete".equals(element.path("$patch").asText())) {
        if (index >= 0) {
          result.remove(index);
        }
      } else if (index >= 0) {
        result.set(index, merge(result.get(index), element, path));
      } else {
        result.add(merge(null, element, path));
      }
    }
    return result;
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode element : array) {
      if (element.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
