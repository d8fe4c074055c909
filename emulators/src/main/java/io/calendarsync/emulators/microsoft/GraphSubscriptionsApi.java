package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.http.Router;
import io.calendarsync.emulators.oauth.BearerAuthenticator;

/** The {@code /v1.0/subscriptions} routes. */
final class GraphSubscriptionsApi {

    private static final String SUBSCRIPTION = "/v1.0/subscriptions/{subscriptionId}";

    private final GraphSubscriptions subscriptions;
    private final BearerAuthenticator authenticator;
    private final String baseUrl;

    GraphSubscriptionsApi(GraphSubscriptions subscriptions, BearerAuthenticator authenticator, String baseUrl) {
        this.subscriptions = subscriptions;
        this.authenticator = authenticator;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.add("POST", "/v1.0/subscriptions", r ->
                Response.json(201, json(subscriptions.create(authenticator.require(r), r.json()))));
        router.add("GET", "/v1.0/subscriptions", r -> {
            String clientId = authenticator.require(r).clientId();
            ObjectNode body = Json.object().put("@odata.context", baseUrl + "/v1.0/$metadata#subscriptions");
            var value = body.putArray("value");
            subscriptions.subscriptions().stream().filter(s -> s.applicationId().equals(clientId))
                    .forEach(s -> value.add(json(s)));
            return Response.json(body);
        });
        router.add("GET", SUBSCRIPTION, r -> {
            authenticator.require(r);
            return Response.json(json(subscriptions.find(r.param("subscriptionId")).orElseThrow(GraphSubscriptions::notFound)));
        });
        router.add("PATCH", SUBSCRIPTION, r -> {
            authenticator.require(r);
            String expiration = Json.required(r.json(), "expirationDateTime");
            return Response.json(json(subscriptions.renew(r.param("subscriptionId"), expiration)));
        });
        router.add("DELETE", SUBSCRIPTION, r -> {
            authenticator.require(r);
            if (!subscriptions.delete(r.param("subscriptionId"))) {
                throw GraphSubscriptions.notFound();
            }
            return Response.noContent();
        });
        router.add("POST", SUBSCRIPTION + "/reauthorize", r -> {
            authenticator.require(r);
            subscriptions.find(r.param("subscriptionId")).orElseThrow(GraphSubscriptions::notFound);
            return Response.noContent();
        });
    }

    ObjectNode json(GraphSubscription subscription) {
        ObjectNode json = Json.object()
                .put("@odata.context", baseUrl + "/v1.0/$metadata#subscriptions/$entity")
                .put("id", subscription.id())
                .put("resource", subscription.resource())
                .put("applicationId", subscription.applicationId())
                .put("changeType", String.join(",", subscription.changeTypes()))
                .put("clientState", subscription.clientState())
                .put("notificationUrl", subscription.notificationUrl())
                .put("lifecycleNotificationUrl", subscription.lifecycleNotificationUrl())
                .put("expirationDateTime", GraphTimes.utc(subscription.expiration()))
                .put("creatorId", subscription.userId())
                .put("includeResourceData", false)
                .put("latestSupportedTlsVersion", "v1_2");
        json.putNull("notificationQueryOptions");
        json.putNull("encryptionCertificate");
        json.putNull("encryptionCertificateId");
        json.putNull("notificationUrlAppId");
        return json;
    }
}
