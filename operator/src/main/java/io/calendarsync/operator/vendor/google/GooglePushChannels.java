package io.calendarsync.operator.vendor.google;

import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Channel;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.PushChannels;
import io.calendarsync.operator.vendor.VendorException;
import io.calendarsync.operator.vendor.http.VendorCalls;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.calendarsync.operator.vendor.google.GoogleErrors.Addressed.CALENDAR;
import static io.calendarsync.operator.vendor.google.GoogleErrors.Addressed.EVENT;
import static io.calendarsync.operator.vendor.google.GoogleRequests.build;

/**
 * Google watch channels ({@code events.watch}, {@code channels.stop}) delivering to the receiver's
 * {@code /webhooks/google}. Google cannot extend a channel: a new one replaces it.
 */
final class GooglePushChannels implements PushChannels {

  /** Google's default and documented ttl for calendar event channels (one week). */
  static final Duration MAX_LIFETIME = Duration.ofDays(7);

  private final Calendar api;
  private final VendorCalls calls;
  private final GoogleErrors errors;
  private final String address;
  private final Clock clock;

  GooglePushChannels(Calendar api, VendorCalls calls, GoogleErrors errors, URI receiverPublicUrl, Clock clock) {
    this.api = api;
    this.clock = clock;
    this.calls = calls;
    this.errors = errors;
    this.address = receiverPublicUrl.toString().replaceAll("/$", "") + "/webhooks/google";
  }

  @Override
  public Duration maxLifetime() {
    return MAX_LIFETIME;
  }

  /** The channel id is ours to choose: random, so an old channel's late notification can never pass for a new one's. */
  @Override
  public PushChannel open(SyncTarget target, String token, Instant expiresAt) throws VendorException {
    Channel request = new Channel()
        .setId(UUID.randomUUID().toString())
        .setType("web_hook")
        .setAddress(address)
        .setToken(token)
        .setParams(Map.of("ttl", Long.toString(Math.max(1, Duration.between(clock.instant(), expiresAt).toSeconds()))));
    Channel granted = new GoogleRequests(calls, errors, target)
        .execute(build(() -> api.events().watch(target.spec().getCalendarId(), request)), CALENDAR);
    return new PushChannel(request.getId(), granted.getResourceId(),
        granted.getExpiration() == null ? expiresAt : Instant.ofEpochMilli(granted.getExpiration()));
  }

  @Override
  public Optional<Instant> extend(SyncTarget target, PushChannel channel, Instant expiresAt) {
    return Optional.empty();
  }

  @Override
  public void stop(SyncTarget target, PushChannel channel) throws VendorException {
    Channel stop = new Channel().setId(channel.id()).setResourceId(channel.resourceId());
    new GoogleRequests(calls, errors, target)
        .executeUnless(build(() -> api.channels().stop(stop)), EVENT, Set.of(404));
  }
}
