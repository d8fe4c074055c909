package io.calendarsync.operator.sync;

import java.time.Instant;

/** Whether the vendor pushes changes for a provider; drives the WebhookActive condition. */
public record PushState(boolean active, String reason, String message, Instant expiresAt) {

  public static PushState active(Instant expiresAt) {
    return new PushState(true, "ChannelActive", "Push channel is live", expiresAt);
  }

  public static PushState inactive(String reason, String message) {
    return new PushState(false, reason, message, null);
  }
}
