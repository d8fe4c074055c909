package io.calendarsync.operator.push;

import io.calendarsync.api.redis.ChannelRegistration;
import io.calendarsync.api.redis.Notification;
import io.calendarsync.api.redis.NotificationCodec;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.api.redis.ResourceState;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.PushSpec;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.http.Fault;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Google watch channels end to end: opened, pushed through, renewed with overlap, stopped. */
class GooglePushTest extends PushSystemTest {

  private String onlyChannel(CalendarProvider provider) {
    List<String> channels = fixture.googleChannels(provider);
    assertThat(channels).hasSize(1);
    return channels.get(0);
  }

  @Test
  void aChangeInGoogleCalendarIsPushedThroughTheReceiverAndLandsInTheScheduleAtOnce() throws Exception {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Google);
    String channel = onlyChannel(provider);
    ChannelRegistration registration = fixture.registration(VendorName.GOOGLE, channel).orElseThrow();
    assertThat(registration.providerKey()).isEqualTo(PushFixture.key(provider));
    assertThat(fixture.get(provider).getStatus().getPushChannelExpiryTime())
        .isEqualTo(registration.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
    // Only the digest of the channel token is kept, in Redis and in PostgreSQL.
    assertThat(fixture.count("SELECT count(*) FROM calendar_sync.push_channels WHERE channel_id = '" + channel
        + "' AND token_digest = '" + registration.tokenDigest() + "'")).isEqualTo(1);

    // The provider syncs once a day: only the push can bring this event in promptly.
    fixture.google.calendars().createEvent(PushFixture.user(provider), "primary",
        fixture.googleEvent("Pushed from Google"));

    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.scheduleHas("Pushed from Google"));
  }

  @Test
  void aPushedChangeIsImportedByOneSyncAndTheImportDoesNotWakeItsOwnProviderAgain() {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Google);
    double before = fixture.syncs(Vendor.Google);

    fixture.google.calendars().createEvent(PushFixture.user(provider), "primary",
        fixture.googleEvent("Imported once"));

    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.scheduleHas("Imported once"));
    await().atMost(Duration.ofSeconds(10)).during(Duration.ofSeconds(2))
        .until(() -> fixture.syncs(Vendor.Google) - before == 1);
  }

  @Test
  void aForgedNotificationIsRefusedByTheReceiverAndWakesNothing() throws Exception {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Google);
    String channel = onlyChannel(provider);
    ChannelRegistration registration = fixture.registration(VendorName.GOOGLE, channel).orElseThrow();
    long queued = fixture.redis().xlen(RedisKeys.NOTIFICATIONS_STREAM);

    HttpResponse<String> forged = pushToReceiver(channel, "guessed-token", registration.resourceId());
    HttpResponse<String> unknown = pushToReceiver("no-such-channel", "guessed-token", registration.resourceId());

    assertThat(forged.statusCode()).isBetween(400, 499);
    assertThat(unknown.statusCode()).isBetween(400, 499);
    assertThat(fixture.redis().xlen(RedisKeys.NOTIFICATIONS_STREAM)).isEqualTo(queued);
  }

  private static HttpResponse<String> pushToReceiver(String channelId, String token, String resourceId)
      throws Exception {
    URI address = URI.create(fixture.googleChannelAddress());
    HttpRequest request = HttpRequest.newBuilder(address).POST(HttpRequest.BodyPublishers.noBody())
        .header("X-Goog-Channel-ID", channelId)
        .header("X-Goog-Channel-Token", token)
        .header("X-Goog-Resource-ID", resourceId)
        .header("X-Goog-Resource-URI", "https://www.googleapis.com/calendar/v3/calendars/primary/events")
        .header("X-Goog-Resource-State", "exists")
        .header("X-Goog-Message-Number", "7")
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void renewalOpensANewChannelBeforeStoppingTheOldOneWhoseNotificationsStillCountMeanwhile() throws Exception {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Google);
    String old = onlyChannel(provider);
    // The old channel cannot be stopped at first: both channels stay live, as during any renewal's overlap.
    fixture.google.faults().add(Fault.status(400).on("POST", "/calendar/v3/channels/stop").times(1));

    fixture.clock.advance(Duration.ofDays(6).plusMinutes(1));
    fixture.syncNow(provider);

    List<String> live = fixture.googleChannels(provider);
    assertThat(live).hasSize(2).contains(old);
    String renewed = live.stream().filter(id -> !id.equals(old)).findFirst().orElseThrow();
    assertThat(fixture.registration(VendorName.GOOGLE, old)).isPresent();
    assertThat(fixture.registration(VendorName.GOOGLE, renewed).orElseThrow().expiresAt())
        .isAfter(fixture.clock.instant().plus(Duration.ofDays(6)));
    assertThat(fixture.renewals(VendorName.GOOGLE, "Replaced")).isPositive();

    fixture.google.calendars().createEvent(PushFixture.user(provider), "primary",
        fixture.googleEvent("During the overlap"));
    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.scheduleHas("During the overlap"));
    // Google delivered on both channels, and the receiver let both through.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notificationsOf(provider))
        .extracting(Notification::channelId).contains(old, renewed));

    fixture.syncNow(provider);

    assertThat(fixture.googleChannels(provider)).containsExactly(renewed);
    assertThat(fixture.registration(VendorName.GOOGLE, old)).isEmpty();
    assertThat(fixture.registration(VendorName.GOOGLE, renewed)).isPresent();
  }

  private static List<Notification> notificationsOf(CalendarProvider provider) {
    return fixture.redis().xrange(RedisKeys.NOTIFICATIONS_STREAM, Range.create("-", "+")).stream()
        .map(StreamMessage::getBody).map(NotificationCodec::decode)
        .filter(n -> n.providerKey().equals(PushFixture.key(provider))).toList();
  }

  @Test
  void deletingAProviderStopsItsChannelAndRemovesItsRegistration() throws Exception {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Google);
    String channel = onlyChannel(provider);

    fixture.delete(provider);

    assertThat(fixture.googleChannels(provider)).isEmpty();
    assertThat(fixture.registration(VendorName.GOOGLE, channel)).isEmpty();
    assertThat(fixture.count("SELECT count(*) FROM calendar_sync.push_channels WHERE channel_id = '" + channel + "'"))
        .isZero();
  }

  @Test
  void suspendingAProviderOrTurningPushOffStopsItsChannel() {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Google);
    String first = onlyChannel(provider);

    fixture.edit(provider, p -> p.getSpec().setSuspend(true));
    fixture.awaitWebhook(provider, "False", "Suspended");
    assertThat(fixture.googleChannels(provider)).isEmpty();
    assertThat(fixture.registration(VendorName.GOOGLE, first)).isEmpty();

    fixture.edit(provider, p -> p.getSpec().setSuspend(false));
    fixture.awaitWebhook(provider, "True", "ChannelActive");
    String second = onlyChannel(provider);
    assertThat(second).isNotEqualTo(first);

    fixture.edit(provider, p -> {
      PushSpec off = new PushSpec();
      off.setEnabled(false);
      p.getSpec().setPush(off);
    });
    fixture.awaitWebhook(provider, "False", "PushDisabled");
    assertThat(fixture.googleChannels(provider)).isEmpty();
    assertThat(fixture.registration(VendorName.GOOGLE, second)).isEmpty();
    assertThat(fixture.get(provider).getStatus().getPushChannelExpiryTime()).isNull();
  }

  @Test
  void aBurstOfNotificationsForOneProviderCausesOneOrTwoSyncs() {
    CalendarProvider provider = fixture.livePushProvider(Vendor.Google);
    String channel = onlyChannel(provider);
    double before = fixture.syncs(Vendor.Google);

    // A hundred verified notifications arrive at once, as when someone imports a calendar.
    var redis = fixture.redis();
    redis.multi();
    for (int i = 0; i < 100; i++) {
      redis.xadd(RedisKeys.NOTIFICATIONS_STREAM, NotificationCodec.encode(Notification.googleChange(channel,
          PushFixture.key(provider), ResourceState.EXISTS, Instant.now())));
    }
    redis.exec();

    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.syncs(Vendor.Google) > before);
    await().atMost(Duration.ofSeconds(10)).during(Duration.ofSeconds(2))
        .until(() -> fixture.syncs(Vendor.Google) - before <= 2);
    assertThat(fixture.redis().xpending(RedisKeys.NOTIFICATIONS_STREAM, RedisKeys.NOTIFICATIONS_GROUP).getCount())
        .isZero();
  }
}
