package io.calendarsync.emulators.google;

import static io.calendarsync.emulators.google.GoogleTestSupport.USER;
import static io.calendarsync.emulators.google.GoogleTestSupport.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Channel;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.TestReceiver;
import io.calendarsync.emulators.http.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GooglePushTest {

    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-05T08:00:00Z"));
    private GoogleCalendarEmulator emulator;
    private Calendar calendar;
    private TestReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        emulator = GoogleCalendarEmulator.start(0, clock);
        emulator.push().setRetryPolicy(3, Duration.ofMillis(10));
        calendar = GoogleTestSupport.client(emulator, GoogleTestSupport.setUp(emulator), clock);
        receiver = TestReceiver.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    private Channel watch(String id, String path) throws Exception {
        return calendar.events().watch("primary", new Channel().setId(id).setType("web_hook")
                .setAddress(receiver.url(path)).setToken("secret-token")
                .setParams(Map.of("ttl", "3600"))).execute();
    }

    @Test
    void deliversSyncOnCreationThenExistsOnEveryChange() throws Exception {
        Channel channel = watch("channel-1", "/google");

        assertThat(channel.getKind()).isEqualTo("api#channel");
        assertThat(channel.getResourceId()).isNotBlank();
        assertThat(channel.getExpiration()).isEqualTo(clock.millis() + 3_600_000);
        assertThat(channel.getResourceUri()).isEqualTo(emulator.baseUrl() + "/calendar/v3/calendars/primary/events?alt=json");
        await().until(() -> receiver.received("/google").size() == 1);

        calendar.events().insert("primary", timed("new", "2026-01-06T09:00:00Z", "2026-01-06T10:00:00Z")).execute();

        await().until(() -> receiver.received("/google").size() == 2);
        TestReceiver.Received sync = receiver.received("/google").get(0);
        TestReceiver.Received exists = receiver.received("/google").get(1);
        assertThat(sync.method()).isEqualTo("POST");
        assertThat(sync.body()).isEmpty();
        assertThat(sync.header("X-Goog-Resource-State")).isEqualTo("sync");
        assertThat(sync.header("X-Goog-Message-Number")).isEqualTo("1");
        assertThat(exists.header("X-Goog-Resource-State")).isEqualTo("exists");
        assertThat(exists.header("X-Goog-Message-Number")).isEqualTo("2");
        assertThat(exists.header("X-Goog-Channel-ID")).isEqualTo("channel-1");
        assertThat(exists.header("X-Goog-Channel-Token")).isEqualTo("secret-token");
        assertThat(exists.header("X-Goog-Resource-ID")).isEqualTo(channel.getResourceId());
        assertThat(exists.header("X-Goog-Resource-URI")).isEqualTo(channel.getResourceUri());
        assertThat(exists.header("X-Goog-Channel-Expiration")).isEqualTo("Mon, 05 Jan 2026 09:00:00 GMT");
        assertThat(emulator.push().deliveries(GoogleChannels.DELIVERY_KIND)).extracting(Delivery::status)
                .containsExactly(202, 202);
    }

    @Test
    void stoppedAndExpiredChannelsDeliverNothing() throws Exception {
        Channel stopped = watch("stopped", "/stopped");
        watch("expiring", "/expiring");
        calendar.events().watch("primary", new Channel().setId("probe").setType("web_hook")
                .setAddress(receiver.url("/probe")).setParams(Map.of("ttl", "86400"))).execute();
        await().until(() -> receiver.received().size() == 3);

        calendar.channels().stop(new Channel().setId(stopped.getId()).setResourceId(stopped.getResourceId())).execute();
        clock.advance(Duration.ofHours(2));
        emulator.calendars().createEvent(USER, "primary",
                io.calendarsync.emulators.http.Json.parseObject(
                        "{\"summary\":\"x\",\"start\":{\"dateTime\":\"2026-01-06T09:00:00Z\"},"
                                + "\"end\":{\"dateTime\":\"2026-01-06T10:00:00Z\"}}"));

        // Deliveries leave in order, so once the probe has its 'exists' nothing else is on the way.
        await().until(() -> receiver.received("/probe").size() == 2);
        assertThat(receiver.received("/stopped")).hasSize(1);
        assertThat(receiver.received("/expiring")).hasSize(1);
        assertThat(emulator.channels().channels()).extracting(GoogleChannels.Channel::id).containsExactly("probe");
        assertThat(emulator.unauthorizedCount()).as("the client refreshed ahead of expiry").isZero();
        assertThatThrownBy(() -> calendar.channels().stop(new Channel().setId("stopped")
                .setResourceId(stopped.getResourceId())).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void retriesWhenTheReceiverAnswers5xx() throws Exception {
        receiver.answerNext(503, 500);

        watch("flaky", "/flaky");

        await().until(() -> receiver.received("/flaky").size() == 3);
        await().until(() -> emulator.push().deliveries().size() == 3);
        assertThat(emulator.push().deliveries()).extracting(Delivery::attempt, Delivery::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 503), org.assertj.core.groups.Tuple.tuple(2, 500),
                        org.assertj.core.groups.Tuple.tuple(3, 202));
        assertThat(receiver.received("/flaky")).extracting(r -> r.header("X-Goog-Message-Number"))
                .containsOnly("1");
    }

    @Test
    void channelIdsMustBeUnique() throws Exception {
        watch("same", "/a");

        assertThatThrownBy(() -> watch("same", "/b")).isInstanceOfSatisfying(GoogleJsonResponseException.class,
                e -> assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("channelIdNotUnique"));
    }
}
