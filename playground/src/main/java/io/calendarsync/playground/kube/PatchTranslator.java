package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;

/**
 * Turns a PATCH into the complete object to store, so that the store only ever sees full-object updates: JSON patch
 * (RFC 6902), JSON merge patch (RFC 7386, lists replaced), and strategic merge patch for built-ins (what kubectl
 * sends for them). Like kube-apiserver, strategic merge is refused for custom resources (415) and server-side apply
 * ({@code application/apply-patch+yaml}) is not implemented here (415, see README).
 */
final class PatchTranslator {

  static final String JSON_PATCH = "application/json-patch+json";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
  static final String APPLY_PATCH = "application/apply-patch+yaml";

  private PatchTranslator() {
  }

  static ObjectNode apply(ResourceType type, ObjectNode current, String contentType, String body) {
    JsonNode result;
    switch (contentType) {
      case JSON_PATCH -> {
        JsonNode operations = Json.parse(body);
        if (!operations.isArray()) {
          throw ApiException.badRequest("a JSON patch must be a JSON array of operations");
        }
        try {
          result = JsonPatch.apply(operations, current);
        } catch (JsonPatchException | IllegalArgumentException e) {
          throw new ApiException(422, "Invalid", "the JSON patch could not be applied: " + e.getMessage(), null);
        }
      }
      case MERGE_PATCH, "application/json" -> result = JsonMergePatch.apply(current, Json.parse(body));
      case STRATEGIC_MERGE_PATCH -> {
        if (!type.strategicMerge()) {
          throw unsupported(type);
        }
        result = StrategicMergePatch.apply(current, Json.parse(body));
      }
      default -> throw unsupported(type);
    }
    if (!(result instanceof ObjectNode object)) {
      throw new ApiException(422, "Invalid", "the patched object is not a JSON object", null);
    }
    return object;
  }

  private static ApiException unsupported(ResourceType type) {
    String accepted = JSON_PATCH + ", " + MERGE_PATCH + (type.strategicMerge() ? ", " + STRATEGIC_MERGE_PATCH : "");
    return ApiException.unsupportedMediaType(
        "the body of the request was in an unknown format - accepted media types include: " + accepted);
  }
}
