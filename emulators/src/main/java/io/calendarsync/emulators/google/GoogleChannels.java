package io.calendarsync.emulators.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.Ids;
import io.calendarsync.emulators.calendar.CalendarInfo;
import io.calendarsync.emulators.calendar.EventChange;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.PushDeliverer;
import io.calendarsync.emulators.http.PushMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Google push channels ({@code events.watch}): a {@code sync} message when a channel opens, an {@code exists} message
 * on every change of the watched calendar, nothing after {@code channels.stop} or expiry.
 */
public final class GoogleChannels {

    public static final String DELIVERY_KIND = "google-push";

    /** A live channel as {@code events.watch} answered it; {@code owner} and {@code calendarId} say what it watches. */
    public record Channel(String id, String resourceId, String resourceUri, String token, String address,
                          Instant expiration, String owner, String calendarId) {
    }

    private static final class Open {
        final Channel channel;
        final AtomicLong messageNumber = new AtomicLong();
        volatile boolean stopped;

        Open(Channel channel) {
            this.channel = channel;
        }
    }

    static final Duration DEFAULT_TTL = Duration.ofSeconds(604_800);
    static final Duration MAX_TTL = Duration.ofDays(30);
    /** HTTP-date with a two-digit day, as Google writes it (Java's RFC_1123 formatter drops the leading zero). */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final PushDeliverer push;
    private final Map<String, Open> channels = new LinkedHashMap<>();

    GoogleChannels(Clock clock, PushDeliverer push) {
        this.clock = clock;
        this.push = push;
    }

    /** Opens a channel on {@code calendar}; {@code resourceUri} names it as the client asked for it. */
    synchronized Channel watch(CalendarInfo calendar, String resourceUri, ObjectNode request) {
        String id = Json.required(request, "id");
        String type = Json.text(request, "type").orElse("");
        if (!"web_hook".equals(type) && !"webhook".equals(type)) {
            throw new ApiError(400, "invalid", "Invalid value for type: " + type);
        }
        String address = Json.required(request, "address");
        if (isLive(channels.get(id))) {
            throw new ApiError(400, "channelIdNotUnique", "Channel id " + id + " not unique");
        }
        Channel channel = new Channel(id, Ids.alphanumeric(27), resourceUri, Json.text(request, "token").orElse(null),
                address, expiration(request), calendar.owner(), calendar.id());
        Open open = new Open(channel);
        channels.put(id, open);
        deliver(open, "sync");
        return channel;
    }

    synchronized boolean stop(String id, String resourceId) {
        Open open = channels.get(id);
        if (!isLive(open) || !open.channel.resourceId().equals(resourceId)) {
            return false;
        }
        open.stopped = true;
        channels.remove(id);
        return true;
    }

    /** Channels that are neither stopped nor expired. */
    public synchronized List<Channel> channels() {
        return channels.values().stream().filter(this::isLive).map(o -> o.channel).toList();
    }

    synchronized void onChange(EventChange change) {
        for (Open open : new ArrayList<>(channels.values())) {
            if (isLive(open) && open.channel.calendarId().equals(change.calendarId())
                    && open.channel.owner().equalsIgnoreCase(change.owner().email())) {
                deliver(open, "exists");
            }
        }
    }

    static ObjectNode toJson(Channel channel) {
        ObjectNode body = Json.object()
                .put("kind", "api#channel")
                .put("id", channel.id())
                .put("resourceId", channel.resourceId())
                .put("resourceUri", channel.resourceUri());
        if (channel.token() != null) {
            body.put("token", channel.token());
        }
        // int64 travels as a JSON string in Google APIs.
        return body.put("expiration", String.valueOf(channel.expiration().toEpochMilli()));
    }

    private Instant expiration(ObjectNode request) {
        Instant now = clock.instant();
        Instant latest = now.plus(MAX_TTL);
        Instant requested;
        if (request.hasNonNull("expiration")) {
            requested = Instant.ofEpochMilli(request.get("expiration").asLong());
        } else {
            long ttl = request.path("params").path("ttl").asLong(DEFAULT_TTL.toSeconds());
            requested = now.plusSeconds(ttl);
        }
        return requested.isAfter(latest) ? latest : requested;
    }

    private boolean isLive(Open open) {
        return open != null && !open.stopped && clock.instant().isBefore(open.channel.expiration());
    }

    private void deliver(Open open, String state) {
        Channel channel = open.channel;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Goog-Channel-ID", channel.id());
        if (channel.token() != null) {
            headers.put("X-Goog-Channel-Token", channel.token());
        }
        headers.put("X-Goog-Channel-Expiration", HTTP_DATE.format(channel.expiration()));
        headers.put("X-Goog-Resource-ID", channel.resourceId());
        headers.put("X-Goog-Resource-URI", channel.resourceUri());
        headers.put("X-Goog-Resource-State", state);
        headers.put("X-Goog-Message-Number", String.valueOf(open.messageNumber.incrementAndGet()));
        push.send(new PushMessage(DELIVERY_KIND, channel.address(), headers, ""), () -> isLive(open));
    }
}
