package io.calendarsync.operator.push;

import io.calendarsync.api.redis.VendorName;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.http.Fault;
import io.calendarsync.emulators.microsoft.GraphSubscription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Graph subscriptions end to end: created, pushed through, renewed in place, recreated, and each lifecycle event. */
class GraphPushTest extends PushSystemTest {

  private GraphSubscription onlySubscription(CalendarProvider provider) {
    List<GraphSubscription> subscriptions = fixture.subscriptions(provider);
    assertThat(subscriptions).hasSize(1);
    return subscriptions.get(0);
  }

  @Test
  void anOutlookChangeIsPushedThroughTheReceiverAndLandsInTheScheduleAtOnce() throws Exception {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Microsoft);
    GraphSubscription subscription = onlySubscription(provider);
    assertThat(subscription.resource()).isEqualTo("me/calendar/events");
    assertThat(subscription.lifecycleNotificationUrl()).endsWith("/webhooks/microsoft/lifecycle");
    // Within Graph's maximum for Outlook events.
    assertThat(subscription.expiration()).isBefore(fixture.clock.instant().plus(Duration.ofMinutes(4231)));
    assertThat(fixture.registration(VendorName.MICROSOFT, subscription.id()).orElseThrow().providerKey())
        .isEqualTo(PushFixture.key(provider));

    fixture.graph.calendars().createEvent(PushFixture.user(provider), "calendar",
        fixture.graphEvent("Pushed from Outlook"));

    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.scheduleHas("Pushed from Outlook"));
  }

  @Test
  void aDueSubscriptionIsExtendedInPlaceAndRecreatedWhenGraphNoLongerKnowsIt() throws Exception {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Microsoft);
    GraphSubscription first = onlySubscription(provider);

    fixture.clock.advance(Duration.ofHours(48));
    fixture.syncNow(provider);

    GraphSubscription extended = onlySubscription(provider);
    assertThat(extended.id()).isEqualTo(first.id());
    assertThat(extended.expiration()).isAfter(first.expiration());
    assertThat(fixture.registration(VendorName.MICROSOFT, first.id()).orElseThrow().expiresAt())
        .isEqualTo(extended.expiration().truncatedTo(ChronoUnit.MILLIS));

    // Graph lost the subscription: its PATCH answers 404.
    fixture.graph.faults().add(Fault.status(404).on("PATCH", "/v1.0/subscriptions/.*")
        .withCode("ResourceNotFound", "The object was not found.").times(1));
    fixture.clock.advance(Duration.ofHours(48));
    fixture.syncNow(provider);

    GraphSubscription recreated = onlySubscription(provider);
    assertThat(recreated.id()).isNotEqualTo(first.id());
    assertThat(fixture.registration(VendorName.MICROSOFT, recreated.id())).isPresent();
    assertThat(fixture.registration(VendorName.MICROSOFT, first.id())).isEmpty();
    assertThat(fixture.renewals(VendorName.MICROSOFT, "Recreated")).isPositive();
    assertThat(fixture.webhook(provider).orElseThrow().getReason()).isEqualTo("ChannelActive");
  }

  @Test
  void reauthorizationRequiredExtendsTheSubscriptionOnTheNextSync() {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Microsoft);
    GraphSubscription before = onlySubscription(provider);
    fixture.clock.advance(Duration.ofHours(1));

    fixture.graph.subscriptions().fireLifecycleEvent(before.id(), "reauthorizationRequired");

    await().atMost(Duration.ofSeconds(30)).until(() -> onlySubscription(provider).expiration()
        .isAfter(before.expiration()));
    assertThat(onlySubscription(provider).id()).isEqualTo(before.id());
  }

  @Test
  void subscriptionRemovedIsRecreatedAndResynced() throws Exception {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Microsoft);
    GraphSubscription removed = onlySubscription(provider);

    fixture.graph.subscriptions().fireLifecycleEvent(removed.id(), "subscriptionRemoved");

    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.subscriptions(provider).size() == 1
        && !fixture.subscriptions(provider).get(0).id().equals(removed.id()));
    String recreated = onlySubscription(provider).id();
    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.registration(VendorName.MICROSOFT, recreated)
        .isPresent() && fixture.registration(VendorName.MICROSOFT, removed.id()).isEmpty());

    fixture.graph.calendars().createEvent(PushFixture.user(provider), "calendar",
        fixture.graphEvent("After the new subscription"));
    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.scheduleHas("After the new subscription"));
  }

  @Test
  void deletingAProviderDeletesItsSubscriptionAndRegistration() throws Exception {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Microsoft);
    GraphSubscription subscription = onlySubscription(provider);

    fixture.delete(provider);

    assertThat(fixture.graph.subscriptions().subscriptions()).extracting(GraphSubscription::id)
        .doesNotContain(subscription.id());
    assertThat(fixture.registration(VendorName.MICROSOFT, subscription.id())).isEmpty();
  }

  @Test
  void missedNotificationsCauseAResync() {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Microsoft);
    GraphSubscription subscription = onlySubscription(provider);
    double syncs = fixture.syncs(Vendor.Microsoft);

    fixture.graph.subscriptions().fireLifecycleEvent(subscription.id(), "missed");

    // The provider polls once a day and nothing else happened: only the lifecycle event explains this sync.
    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.syncs(Vendor.Microsoft) > syncs);
    assertThat(onlySubscription(provider).id()).isEqualTo(subscription.id());
  }
}
