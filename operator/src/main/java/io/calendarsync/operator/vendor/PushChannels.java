package io.calendarsync.operator.vendor;

import io.calendarsync.operator.sync.SyncTarget;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A vendor's push channels on a provider's calendar (Google watch channels, Graph subscriptions), delivering to the
 * webhook receiver. Like {@link ExternalCalendar}, it keeps the vendor's dialect out of the operator: the channel
 * lifecycle is written once for both vendors.
 */
public interface PushChannels {

  /** The longest lifetime the vendor grants a channel on calendar events; a channel is requested for this long. */
  Duration maxLifetime();

  /**
   * Opens a channel on the calendar the provider names.
   *
   * @param token the secret the vendor echoes with every notification (Google channel token, Graph clientState)
   * @param expiresAt the requested expiry; the vendor may grant less, the answer says what it granted
   */
  PushChannel open(SyncTarget target, String token, Instant expiresAt) throws VendorException;

  /**
   * Extends a channel in place (Graph: PATCH of the expiry, which also reauthorizes it).
   *
   * @return the granted expiry; empty when the vendor cannot extend a channel (Google), so a new one must replace it
   * @throws VendorException NOT_FOUND when the vendor no longer knows the channel
   */
  Optional<Instant> extend(SyncTarget target, PushChannel channel, Instant expiresAt) throws VendorException;

  /** Stops a channel; one the vendor no longer knows (stopped or expired) counts as stopped. */
  void stop(SyncTarget target, PushChannel channel) throws VendorException;

  /**
   * A channel as the vendor granted it.
   *
   * @param id Google's channel id (ours) or Graph's subscription id
   * @param resourceId what Google calls the watched resource (needed to stop it); null for Graph
   * @param expiresAt when the vendor stops delivering
   */
  record PushChannel(String id, String resourceId, Instant expiresAt) {}
}
