package io.calendarsync.emulators.microsoft;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A change-notification subscription on one calendar's events.
 *
 * @param changeTypes which of created, updated, deleted are delivered
 */
public record GraphSubscription(String id, String resource, Set<String> changeTypes, String notificationUrl,
                                String lifecycleNotificationUrl, String clientState, Instant expiration,
                                String userId, String calendarId, String applicationId) {

    public GraphSubscription {
        changeTypes = Collections.unmodifiableSet(new LinkedHashSet<>(changeTypes));
    }

    GraphSubscription withExpiration(Instant newExpiration) {
        return new GraphSubscription(id, resource, changeTypes, notificationUrl, lifecycleNotificationUrl, clientState,
                newExpiration, userId, calendarId, applicationId);
    }
}
