package io.calendarsync.operator.sync;

import java.time.Instant;

/**
 * Whether the vendor pushes changes for a provider; drives the WebhookActive condition.
 *
 * @param expiresAt when the live channel stops delivering; null while inactive
 * @param renewAt when the channel must be renewed (the engine wakes the provider then); null while inactive
 */
public record PushState(boolean active, String reason, String message, Instant expiresAt, Instant renewAt) {

  /** A channel is live and registered with the receiver. */
  public static final String CHANNEL_ACTIVE = "ChannelActive";
  /** The operator has no public receiver URL: the vendor has nowhere to push to. */
  public static final String RECEIVER_NOT_CONFIGURED = "ReceiverNotConfigured";
  /** {@code spec.push.enabled} is false. */
  public static final String PUSH_DISABLED = "PushDisabled";
  /** Redis (channel registry, notification stream) is unreachable: changes arrive with each syncInterval. */
  public static final String QUEUE_UNAVAILABLE = "QueueUnavailable";
  /** The vendor refused to open or renew the channel; retried on the next sync. */
  public static final String CHANNEL_FAILED = "ChannelFailed";

  public static PushState active(Instant expiresAt, Instant renewAt) {
    return new PushState(true, CHANNEL_ACTIVE, "Push channel is live until " + expiresAt, expiresAt, renewAt);
  }

  public static PushState inactive(String reason, String message) {
    return new PushState(false, reason, message, null, null);
  }
}
