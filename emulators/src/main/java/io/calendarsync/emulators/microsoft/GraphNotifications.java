package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.calendar.EventChange;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Delivery;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.PushDeliverer;
import io.calendarsync.emulators.http.PushMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** What Graph posts to subscribers: the validation handshake, change notifications and lifecycle notifications. */
final class GraphNotifications {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");

    private final PushDeliverer push;
    private final String tenantId;

    GraphNotifications(PushDeliverer push, String tenantId) {
        this.push = push;
        this.tenantId = tenantId;
    }

    /**
     * Graph's reachability check before it creates a subscription: the endpoint has 10 seconds to echo the token
     * (URL-decoded, as plain text). The token contains spaces and colons, as Graph's does, so receivers must decode.
     */
    void validate(String url) {
        String token = "Validation: Testing client application reachability for subscription Request-Id: "
                + UUID.randomUUID();
        String target = url + (url.contains("?") ? "&" : "?") + "validationToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        Delivery answer = push.exchange(new PushMessage(GraphSubscriptions.VALIDATION_DELIVERY, target, Map.of("Content-Type", "text/plain"), ""),
                HANDSHAKE_TIMEOUT);
        boolean plainText = answer.responseContentType() != null
                && answer.responseContentType().toLowerCase(Locale.ROOT).startsWith("text/plain");
        if (answer.status() != 200 || !plainText || !token.equals(answer.responseBody())) {
            throw new ApiError(400, "ValidationError", "Subscription validation request failed. Notification "
                    + "endpoint must respond with 200 OK to validation request. (" + url + " answered "
                    + (answer.status() < 0 ? answer.error() : String.valueOf(answer.status())) + ")");
        }
    }

    void changed(GraphSubscription subscription, EventChange change, BooleanSupplier stillWanted) {
        String resource = "Users/" + subscription.userId() + "/Events/" + change.eventId();
        ObjectNode notification = envelope(subscription)
                .put("changeType", change.type().name().toLowerCase(Locale.ROOT))
                .put("resource", resource);
        notification.putObject("resourceData")
                .put("@odata.type", "#Microsoft.Graph.Event")
                .put("@odata.id", resource)
                .put("@odata.etag", change.etag())
                .put("id", change.eventId());
        notification.put("clientState", subscription.clientState()).put("tenantId", tenantId);
        send(GraphSubscriptions.CHANGE_DELIVERY, subscription.notificationUrl(), notification, stillWanted);
    }

    void lifecycle(GraphSubscription subscription, String lifecycleEvent) {
        ObjectNode notification = envelope(subscription)
                .put("tenantId", tenantId)
                .put("clientState", subscription.clientState())
                .put("lifecycleEvent", lifecycleEvent);
        send(GraphSubscriptions.LIFECYCLE_DELIVERY, subscription.lifecycleNotificationUrl(), notification, () -> true);
    }

    private static ObjectNode envelope(GraphSubscription subscription) {
        return Json.object()
                .put("subscriptionId", subscription.id())
                .put("subscriptionExpirationDateTime", GraphTimes.withOffset(subscription.expiration()));
    }

    private void send(String kind, String url, ObjectNode notification, BooleanSupplier stillWanted) {
        ObjectNode body = Json.object();
        body.putArray("value").add(notification);
        push.send(new PushMessage(kind, url, JSON, new String(Json.bytes(body), StandardCharsets.UTF_8)), stillWanted);
    }
}
