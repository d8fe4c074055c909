package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.calendar.EventChange;
import io.calendarsync.emulators.calendar.User;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.oauth.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph change-notification subscriptions on calendar events: creation only after the endpoints pass the validation
 * handshake, Graph's 10080-minute limit on expiry, renewal by PATCH, a notification per change while live, and
 * lifecycle notifications fired by the admin API.
 */
public final class GraphSubscriptions {

    public static final String VALIDATION_DELIVERY = "graph-validation";
    public static final String CHANGE_DELIVERY = "graph-notification";
    public static final String LIFECYCLE_DELIVERY = "graph-lifecycle";

    static final Duration MAX_LIFETIME = Duration.ofMinutes(10080);
    private static final Pattern RESOURCE = Pattern.compile(
            "/?(me|users/([^/]+))/(events|calendar/events|calendars/([^/]+)/events)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");
    private static final Set<String> LIFECYCLE_EVENTS = Set.of("reauthorizationRequired", "subscriptionRemoved",
            "missed");
    private static final int MAX_CLIENT_STATE = 128;

    private final Clock clock;
    private final GraphCalendars calendars;
    private final GraphNotifications notifications;
    private final Map<String, GraphSubscription> subscriptions = new LinkedHashMap<>();

    GraphSubscriptions(Clock clock, GraphCalendars calendars, GraphNotifications notifications) {
        this.clock = clock;
        this.calendars = calendars;
        this.notifications = notifications;
    }

    GraphSubscription create(Principal principal, ObjectNode request) {
        String notificationUrl = Json.required(request, "notificationUrl");
        String resource = Json.required(request, "resource");
        Set<String> changeTypes = changeTypes(Json.required(request, "changeType"));
        Instant expiration = expiration(Json.required(request, "expirationDateTime"));
        String clientState = Json.text(request, "clientState").orElse(null);
        if (clientState != null && clientState.length() > MAX_CLIENT_STATE) {
            throw new ApiError(400, "InvalidRequest", "clientState must be at most 128 characters.");
        }
        Matcher matcher = RESOURCE.matcher(resource.trim());
        if (!matcher.matches()) {
            throw new ApiError(400, "InvalidRequest", "Unsupported resource for calendar subscriptions: " + resource);
        }
        User owner = calendars.user(principal.user());
        if (matcher.group(2) != null && !calendars.user(matcher.group(2)).equals(owner)) {
            throw new ApiError(403, "ExtensionError", "Delegated access covers the signed-in user's mailbox only.");
        }
        String calendarId = calendars.calendarInfo(principal.user(), matcher.group(4)).id();
        Optional<String> lifecycleUrl = Json.text(request, "lifecycleNotificationUrl");

        // Outside the lock: the handshake may take up to ten seconds.
        notifications.validate(notificationUrl);
        lifecycleUrl.ifPresent(notifications::validate);

        GraphSubscription subscription = new GraphSubscription(UUID.randomUUID().toString(), resource, changeTypes,
                notificationUrl, lifecycleUrl.orElse(null), clientState, expiration, owner.id(), calendarId,
                principal.clientId());
        synchronized (this) {
            subscriptions.put(subscription.id(), subscription);
        }
        return subscription;
    }

    /** A live subscription; expired ones are gone, as in Graph. */
    synchronized Optional<GraphSubscription> find(String id) {
        return Optional.ofNullable(subscriptions.get(id)).filter(this::live);
    }

    synchronized GraphSubscription renew(String id, String expirationDateTime) {
        GraphSubscription renewed = find(id).orElseThrow(GraphSubscriptions::notFound)
                .withExpiration(expiration(expirationDateTime));
        subscriptions.put(id, renewed);
        return renewed;
    }

    synchronized boolean delete(String id) {
        return find(id).map(s -> subscriptions.remove(id)).isPresent();
    }

    /** Live subscriptions. */
    public synchronized List<GraphSubscription> subscriptions() {
        return subscriptions.values().stream().filter(this::live).toList();
    }

    /**
     * Posts a lifecycle notification as Graph would; {@code subscriptionRemoved} also deletes the subscription.
     *
     * @param lifecycleEvent reauthorizationRequired, subscriptionRemoved or missed
     */
    public void fireLifecycleEvent(String subscriptionId, String lifecycleEvent) {
        if (!LIFECYCLE_EVENTS.contains(lifecycleEvent)) {
            throw new ApiError(400, "InvalidRequest", "Unknown lifecycle event: " + lifecycleEvent);
        }
        GraphSubscription subscription;
        synchronized (this) {
            subscription = find(subscriptionId).orElseThrow(GraphSubscriptions::notFound);
            if (subscription.lifecycleNotificationUrl() == null) {
                throw new ApiError(409, "InvalidRequest", "The subscription has no lifecycleNotificationUrl.");
            }
            if (lifecycleEvent.equals("subscriptionRemoved")) {
                subscriptions.remove(subscriptionId);
            }
        }
        notifications.lifecycle(subscription, lifecycleEvent);
    }

    synchronized void onChange(EventChange change) {
        String type = change.type().name().toLowerCase(Locale.ROOT);
        for (GraphSubscription subscription : new ArrayList<>(subscriptions.values())) {
            if (live(subscription) && subscription.userId().equals(change.owner().id())
                    && subscription.calendarId().equals(change.calendarId())
                    && subscription.changeTypes().contains(type)) {
                notifications.changed(subscription, change, () -> isLive(subscription.id()));
            }
        }
    }

    private synchronized boolean isLive(String id) {
        return find(id).isPresent();
    }

    private boolean live(GraphSubscription subscription) {
        return clock.instant().isBefore(subscription.expiration());
    }

    private Instant expiration(String value) {
        Instant expiration;
        try {
            expiration = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "InvalidRequest", "Invalid expirationDateTime: " + value);
        }
        Instant now = clock.instant();
        if (!expiration.isAfter(now)) {
            throw new ApiError(400, "InvalidRequest", "Subscription expiration must be in the future.");
        }
        if (expiration.isAfter(now.plus(MAX_LIFETIME))) {
            throw new ApiError(400, "InvalidRequest",
                    "Subscription expiration can only be " + MAX_LIFETIME.toMinutes() + " minutes in the future.");
        }
        return expiration;
    }

    private static Set<String> changeTypes(String value) {
        Set<String> types = new LinkedHashSet<>();
        for (String type : value.split(",")) {
            String trimmed = type.trim();
            if (!CHANGE_TYPES.contains(trimmed)) {
                throw new ApiError(400, "InvalidRequest", "Invalid changeType: " + trimmed);
            }
            types.add(trimmed);
        }
        return types;
    }

    static ApiError notFound() {
        return new ApiError(404, "ResourceNotFound", "The object was not found.");
    }
}
