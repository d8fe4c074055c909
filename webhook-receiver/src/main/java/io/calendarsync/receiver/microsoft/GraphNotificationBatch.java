package io.calendarsync.receiver.microsoft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calendarsync.receiver.http.RejectedException;
import io.calendarsync.receiver.metrics.RejectionReason;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Parses a Graph notification body, {@code {"value": [item, ...]}}, into its items. */
final class GraphNotificationBatch {

  /** Graph batches hold a few dozen items at most; the cap bounds the registry lookups one request can cause. */
  private static final int MAX_ITEMS = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private GraphNotificationBatch() {}

  /** @throws RejectedException ({@code malformed_body}) when the body is not such a batch */
  static List<GraphNotification> parse(byte[] body) {
    JsonNode items;
    try {
      items = JSON.readTree(body).path("value");
    } catch (IOException e) {
      throw new RejectedException(RejectionReason.MALFORMED_BODY);
    }
    if (!items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
      throw new RejectedException(RejectionReason.MALFORMED_BODY);
    }
    List<GraphNotification> notifications = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      if (!item.isObject()) {
        throw new RejectedException(RejectionReason.MALFORMED_BODY);
      }
      notifications.add(new GraphNotification(
          text(item, "subscriptionId"), text(item, "clientState"), text(item, "changeType"), text(item, "resource"),
          text(item.path("resourceData"), "@odata.etag"), text(item, "lifecycleEvent"), bytes(item)));
    }
    return notifications;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }

  private static byte[] bytes(JsonNode item) {
    try {
      return JSON.writeValueAsBytes(item);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always serializes", e);
    }
  }
}
