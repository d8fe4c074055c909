package io.calendarsync.operator.push;

import io.calendarsync.api.redis.VendorName;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.Vendor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.calendarsync.operator.support.Resources.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redis goes away and comes back empty: syncs go on without push, and push comes back by itself. */
class QueueOutageTest extends PushSystemTest {

  @Test
  void withRedisDownSyncsGoOnAsQueueUnavailableAndPushRecoversOnceItIsBack() throws Exception {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Google);
    List<String> channels = fixture.googleChannels(provider);
    assertThat(channels).hasSize(1);

    fixture.redis.stop();
    fixture.syncNow(provider);

    fixture.awaitWebhook(provider, "False", "QueueUnavailable");
    assertThat(condition(fixture.get(provider), "Ready").orElseThrow().getStatus()).isEqualTo("True");
    assertThat(condition(fixture.get(provider), "Synced").orElseThrow().getStatus()).isEqualTo("True");

    // Back, but without its data (no persistence): the registry entry and the consumer group are gone.
    fixture.redis.restart();
    fixture.redis().flushall();
    fixture.syncNow(provider);

    fixture.awaitWebhook(provider, "True", "ChannelActive");
    assertThat(fixture.googleChannels(provider)).isEqualTo(channels);
    assertThat(fixture.registration(VendorName.GOOGLE, channels.get(0))).isPresent();
    fixture.google.calendars().createEvent(PushFixture.user(provider), "primary",
        fixture.googleEvent("After the outage"));
    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.scheduleHas("After the outage"));
  }
}
