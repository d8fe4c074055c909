package io.calendarsync.operator.store;

import io.calendarsync.api.redis.ChannelRegistration;
import io.calendarsync.api.redis.VendorName;

import java.time.Instant;

/**
 * A push channel the operator opened, as {@code push_channels} keeps it.
 *
 * @param retiring replaced by a newer channel and still to be stopped
 * @param pendingAction what a Graph lifecycle notification asked for; null when nothing
 */
public record PushChannelRecord(ProviderKey provider, VendorName vendor, String channelId, String resourceId,
    String tokenDigest, Instant expiresAt, boolean retiring, PendingAction pendingAction) {

  /** What the provider's next sync must do to its channel. */
  public enum PendingAction {
    /** Extend (and so reauthorize) the channel: Graph's reauthorizationRequired. */
    RENEW,
    /** Open a new channel: Graph removed the old one (subscriptionRemoved). */
    RECREATE
  }

  /** The channel as the receiver's registry holds it. */
  public ChannelRegistration registration() {
    return new ChannelRegistration(vendor, channelId, provider.toString(), tokenDigest, resourceId, expiresAt);
  }
}
