package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The status subresource contract, enforced before anything reaches the store instead of trusting the mock:
 * <ul>
 *   <li>a create or a write to the main resource never sets status (a create drops it, an update keeps the stored
 *       one), so spec and status have separate writers as on a real cluster;</li>
 *   <li>a write to {@code /status} changes only status: the stored object with the new status, whatever else the
 *       body carries (metadata included);</li>
 *   <li>both honour a {@code metadata.resourceVersion} precondition with 409 Conflict (the mock skips it for
 *       {@code /status}).</li>
 * </ul>
 * metadata.generation is left to the store, which bumps it only when something outside metadata and status changed
 * (checked by the tests), so status writes and annotation or label changes never bump it.
 */
final class StatusSubresourceGuard {

  private StatusSubresourceGuard() {
  }

  /** The body to store for a create. */
  static void onCreate(ResourceType type, ObjectNode incoming) {
    if (type.statusSubresource() && !type.builtin()) {
      incoming.remove("status");
    }
  }

  /** The body to store for a write to the main resource: the stored status is kept. */
  static ObjectNode onMainWrite(ResourceType type, ObjectNode current, ObjectNode incoming) {
    checkPrecondition(type, current, incoming);
    if (type.statusSubresource()) {
      JsonNode status = current.get("status");
      if (status == null) {
        incoming.remove("status");
      } else {
        incoming.set("status", status.deepCopy());
      }
    }
    return incoming;
  }

  /** The body to store for a write to {@code /status}: the stored object with only the status replaced. */
  static ObjectNode onStatusWrite(ResourceType type, ObjectNode current, ObjectNode incoming) {
    checkPrecondition(type, current, incoming);
    ObjectNode result = current.deepCopy();
    JsonNode status = incoming.get("status");
    if (status == null || status.isNull()) {
      result.remove("status");
    } else {
      result.set("status", status.deepCopy());
    }
    return result;
  }

  static void checkPrecondition(ResourceType type, ObjectNode current, ObjectNode incoming) {
    String expected = Json.text(incoming, "metadata", "resourceVersion");
    if (expected != null && !expected.isEmpty()
        && !expected.equals(Json.text(current, "metadata", "resourceVersion"))) {
      throw ApiException.conflict(type, Json.text(current, "metadata", "name"));
    }
  }
}
