package io.calendarsync.operator.vendor.microsoft;

import com.microsoft.graph.models.Subscription;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.PushChannels;
import io.calendarsync.operator.vendor.VendorException;
import io.calendarsync.operator.vendor.http.VendorCalls;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static io.calendarsync.operator.vendor.microsoft.GraphErrors.Addressed.SUBSCRIPTION;

/**
 * Graph change-notification subscriptions on the events of the calendar a provider names, delivering changes to the
 * receiver's {@code /webhooks/microsoft} and lifecycle events to {@code /webhooks/microsoft/lifecycle}. Graph extends
 * a subscription in place (PATCH of its expiry), which also reauthorizes it.
 */
final class GraphPushChannels implements PushChannels {

  /** Graph's documented maximum for Outlook event subscriptions without resource data (4230 minutes, under 3 days). */
  static final Duration MAX_LIFETIME = Duration.ofMinutes(4230);
  private static final String CHANGE_TYPES = "created,updated,deleted";

  private final GraphServiceClient graph;
  private final VendorCalls calls;
  private final GraphErrors errors;
  private final String notificationUrl;
  private final String lifecycleUrl;

  GraphPushChannels(GraphServiceClient graph, VendorCalls calls, GraphErrors errors, URI receiverPublicUrl) {
    this.graph = graph;
    this.calls = calls;
    this.errors = errors;
    String base = receiverPublicUrl.toString().replaceAll("/$", "");
    this.notificationUrl = base + "/webhooks/microsoft";
    this.lifecycleUrl = base + "/webhooks/microsoft/lifecycle";
  }

  @Override
  public Duration maxLifetime() {
    return MAX_LIFETIME;
  }

  @Override
  public PushChannel open(SyncTarget target, String token, Instant expiresAt) throws VendorException {
    Subscription request = new Subscription();
    request.setChangeType(CHANGE_TYPES);
    request.setNotificationUrl(notificationUrl);
    request.setLifecycleNotificationUrl(lifecycleUrl);
    request.setResource(resource(target.spec().getCalendarId()));
    request.setClientState(token);
    request.setExpirationDateTime(OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
    Subscription granted = requests(target).execute(SUBSCRIPTION,
        common -> graph.subscriptions().post(request, common::accept));
    return new PushChannel(granted.getId(), null, expiry(granted, expiresAt));
  }

  @Override
  public Optional<Instant> extend(SyncTarget target, PushChannel channel, Instant expiresAt) throws VendorException {
    Subscription patch = new Subscription();
    patch.setExpirationDateTime(OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
    Subscription granted = requests(target).execute(SUBSCRIPTION,
        common -> graph.subscriptions().bySubscriptionId(channel.id()).patch(patch, common::accept));
    return Optional.of(expiry(granted, expiresAt));
  }

  @Override
  public void stop(SyncTarget target, PushChannel channel) throws VendorException {
    requests(target).executeUnlessMissing(SUBSCRIPTION, common -> {
      graph.subscriptions().bySubscriptionId(channel.id()).delete(common::accept);
      return null;
    });
  }

  private GraphRequests requests(SyncTarget target) {
    return new GraphRequests(calls, errors, target, MicrosoftConnector.PAGE_SIZE);
  }

  /** Graph's resource path: the default calendar's events, or a named calendar's. */
  static String resource(String calendarId) {
    return calendarId == null || MicrosoftConnector.DEFAULT_CALENDAR.equals(calendarId)
        ? "me/calendar/events"
        : "me/calendars/" + calendarId + "/events";
  }

  private static Instant expiry(Subscription granted, Instant requested) {
    return granted.getExpirationDateTime() == null ? requested : granted.getExpirationDateTime().toInstant();
  }
}
