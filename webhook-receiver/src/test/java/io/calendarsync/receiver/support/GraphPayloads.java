package io.calendarsync.receiver.support;

/** Microsoft Graph notification bodies, shaped like Graph's for a user's events. */
public final class GraphPayloads {

  private GraphPayloads() {}

  public static String batch(String... items) {
    return "{\"value\":[" + String.join(",", items) + "]}";
  }

  /** A change notification; {@code clientState} or {@code etag} {@code null} leaves the field out. */
  public static String change(String subscriptionId, String clientState, String changeType, String resource,
      String etag) {
    return "{\"subscriptionId\":\"" + subscriptionId + "\","
        + (clientState == null ? "" : "\"clientState\":\"" + clientState + "\",")
        + "\"subscriptionExpirationDateTime\":\"2026-03-05T09:00:00.0000000+00:00\","
        + "\"changeType\":\"" + changeType + "\",\"resource\":\"" + resource + "\","
        + "\"resourceData\":{\"@odata.type\":\"#Microsoft.Graph.Event\",\"@odata.id\":\"" + resource + "\","
        + (etag == null ? "" : "\"@odata.etag\":\"" + etag.replace("\"", "\\\"") + "\",")
        + "\"id\":\"" + resource.substring(resource.lastIndexOf('/') + 1) + "\"},"
        + "\"tenantId\":\"84bd8158-6d4d-4958-8b9f-9d6445542f95\"}";
  }

  public static String lifecycle(String subscriptionId, String clientState, String event) {
    return "{\"subscriptionId\":\"" + subscriptionId + "\",\"clientState\":\"" + clientState + "\","
        + "\"lifecycleEvent\":\"" + event + "\","
        + "\"subscriptionExpirationDateTime\":\"2026-03-05T09:00:00.0000000+00:00\","
        + "\"tenantId\":\"84bd8158-6d4d-4958-8b9f-9d6445542f95\"}";
  }
}
