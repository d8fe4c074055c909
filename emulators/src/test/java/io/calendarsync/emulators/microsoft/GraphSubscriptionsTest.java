package io.calendarsync.emulators.microsoft;

import static io.calendarsync.emulators.microsoft.GraphTestSupport.USER;
import static io.calendarsync.emulators.microsoft.GraphTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.Subscription;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.TestReceiver;
import io.calendarsync.emulators.http.Delivery;
import io.calendarsync.emulators.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphSubscriptionsTest {

    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-05T08:00:00Z"));
    private GraphEmulator emulator;
    private GraphServiceClient graph;
    private TestReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        emulator = GraphEmulator.start(0, clock);
        emulator.push().setRetryPolicy(2, Duration.ofMillis(10));
        graph = GraphTestSupport.client(emulator, GraphTestSupport.setUp(emulator), clock);
        receiver = TestReceiver.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    private Subscription subscribe(Duration lifetime) {
        Subscription request = new Subscription();
        request.setChangeType("created,updated,deleted");
        request.setNotificationUrl(receiver.url("/notifications"));
        request.setLifecycleNotificationUrl(receiver.url("/lifecycle"));
        request.setResource("me/events");
        request.setClientState("client-state-secret");
        request.setExpirationDateTime(OffsetDateTime.ofInstant(clock.instant().plus(lifetime), ZoneOffset.UTC));
        return graph.subscriptions().post(request);
    }

    private JsonNode notification(TestReceiver.Received received) {
        return Json.parseObject(received.body()).get("value").get(0);
    }

    @Test
    void handshakeThenNotificationsRenewalDeletionAndLifecycle() {
        Subscription subscription = subscribe(Duration.ofDays(2));

        assertThat(subscription.getId()).isNotBlank();
        assertThat(subscription.getExpirationDateTime().toInstant()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));
        assertThat(emulator.push().deliveries(GraphSubscriptions.VALIDATION_DELIVERY)).hasSize(2)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        assertThat(receiver.received("/notifications").get(0).query().get("validationToken"))
                .startsWith("Validation: Testing client application reachability");

        Event created = graph.me().events().post(event("x", "2026-01-06T09:00:00", "2026-01-06T10:00:00", "UTC"));

        await().until(() -> receiver.received("/notifications").size() == 2);
        JsonNode change = notification(receiver.received("/notifications").get(1));
        String userId = emulator.calendars().user(USER).id();
        assertThat(change.get("subscriptionId").asText()).isEqualTo(subscription.getId());
        assertThat(change.get("changeType").asText()).isEqualTo("created");
        assertThat(change.get("clientState").asText()).isEqualTo("client-state-secret");
        assertThat(change.get("tenantId").asText()).isEqualTo(GraphEmulator.TENANT_ID);
        assertThat(change.get("resource").asText()).isEqualTo("Users/" + userId + "/Events/" + created.getId());
        assertThat(change.at("/resourceData/id").asText()).isEqualTo(created.getId());
        assertThat(change.at("/resourceData/@odata.type").asText()).isEqualTo("#Microsoft.Graph.Event");
        assertThat(change.at("/resourceData/@odata.etag").asText())
                .isEqualTo(created.getAdditionalData().get("@odata.etag"));
        assertThat(change.get("subscriptionExpirationDateTime").asText()).endsWith("+00:00");

        Subscription renewal = new Subscription();
        renewal.setExpirationDateTime(OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(6)),
                ZoneOffset.UTC));
        Subscription renewed = graph.subscriptions().bySubscriptionId(subscription.getId()).patch(renewal);
        assertThat(renewed.getExpirationDateTime().toInstant()).isEqualTo(clock.instant().plus(Duration.ofDays(6)));

        emulator.subscriptions().fireLifecycleEvent(subscription.getId(), "reauthorizationRequired");
        await().until(() -> receiver.received("/lifecycle").size() == 2);
        JsonNode lifecycle = notification(receiver.received("/lifecycle").get(1));
        assertThat(lifecycle.get("lifecycleEvent").asText()).isEqualTo("reauthorizationRequired");
        assertThat(lifecycle.get("clientState").asText()).isEqualTo("client-state-secret");

        graph.subscriptions().bySubscriptionId(subscription.getId()).delete();
        assertThatThrownBy(() -> graph.subscriptions().bySubscriptionId(subscription.getId()).get())
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(404));
    }

    @Test
    void subscriptionRemovedDeletesTheSubscription() {
        Subscription subscription = subscribe(Duration.ofDays(1));

        emulator.subscriptions().fireLifecycleEvent(subscription.getId(), "subscriptionRemoved");

        await().until(() -> receiver.received("/lifecycle").size() == 2);
        assertThat(emulator.subscriptions().subscriptions()).isEmpty();
        assertThatThrownBy(() -> graph.subscriptions().bySubscriptionId(subscription.getId()).get())
                .isInstanceOf(ODataError.class);
    }

    @Test
    void aReceiverThatDoesNotEchoTheTokenFailsValidation() {
        receiver.ignoreValidation();

        assertThatThrownBy(() -> subscribe(Duration.ofDays(1))).isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(400);
            assertThat(e.getError().getCode()).isEqualTo("ValidationError");
        });
        assertThat(emulator.subscriptions().subscriptions()).isEmpty();
    }

    @Test
    void expiryIsLimitedTo10080Minutes() {
        assertThatThrownBy(() -> subscribe(Duration.ofMinutes(10081)))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
        assertThat(subscribe(Duration.ofMinutes(10080)).getId()).isNotBlank();
    }

    @Test
    void expiredSubscriptionsStopDelivering() {
        Subscription shortLived = subscribe(Duration.ofHours(1));
        Subscription probe = subscribe(Duration.ofDays(3));
        clock.advance(Duration.ofHours(2));

        emulator.calendars().createEvent(USER, "calendar", Json.parseObject("{\"subject\":\"x\","
                + "\"start\":{\"dateTime\":\"2026-01-06T09:00:00\",\"timeZone\":\"UTC\"},"
                + "\"end\":{\"dateTime\":\"2026-01-06T10:00:00\",\"timeZone\":\"UTC\"}}"));

        await().until(() -> emulator.push().deliveries(GraphSubscriptions.CHANGE_DELIVERY).size() == 1);
        assertThat(emulator.push().deliveries(GraphSubscriptions.CHANGE_DELIVERY)).singleElement()
                .extracting(Delivery::body).asString().contains(probe.getId()).doesNotContain(shortLived.getId());
        assertThat(emulator.subscriptions().subscriptions()).extracting(GraphSubscription::id)
                .containsExactly(probe.getId());
        assertThat(emulator.unauthorizedCount()).as("tokens were refreshed ahead of expiry").isZero();
    }
}
