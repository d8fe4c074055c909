package io.calendarsync.receiver.google;

import io.calendarsync.api.redis.ChannelRegistration;
import io.calendarsync.api.redis.ResourceState;
import io.calendarsync.receiver.http.RejectedException;
import io.calendarsync.receiver.metrics.RejectionReason;
import org.eclipse.jetty.http.HttpFields;

import java.util.regex.Pattern;

/**
 * The headers of a Google push notification (Google sends no body), checked for presence and shape before anything
 * is looked up.
 *
 * @param channelId X-Goog-Channel-ID: the channel the operator created
 * @param token X-Goog-Channel-Token: the channel's secret
 * @param resourceId X-Goog-Resource-ID: what the channel watches
 * @param state X-Goog-Resource-State
 * @param messageNumber X-Goog-Message-Number: increases per message of a channel; repeated by a redelivery
 */
record GooglePushHeaders(String channelId, String token, String resourceId, ResourceState state, String messageNumber) {

  private static final Pattern MESSAGE_NUMBER = Pattern.compile("[0-9]{1,20}");

  /** @throws RejectedException when a header is missing or malformed */
  static GooglePushHeaders from(HttpFields headers) {
    String channelId = headers.get("X-Goog-Channel-ID");
    String resourceId = headers.get("X-Goog-Resource-ID");
    String state = headers.get("X-Goog-Resource-State");
    String messageNumber = headers.get("X-Goog-Message-Number");
    if (isBlank(channelId) || isBlank(resourceId) || isBlank(state) || isBlank(messageNumber)) {
      throw new RejectedException(RejectionReason.MISSING_HEADER);
    }
    String token = headers.get("X-Goog-Channel-Token");
    if (isBlank(token)) {
      // The operator always creates channels with a token: one without is not ours, whatever it claims.
      throw new RejectedException(RejectionReason.MISSING_TOKEN);
    }
    ResourceState resourceState = ResourceState.fromWireName(state)
        .orElseThrow(() -> new RejectedException(RejectionReason.INVALID_HEADER));
    if (!MESSAGE_NUMBER.matcher(messageNumber).matches() || channelId.length() > ChannelRegistration.MAX_CHANNEL_ID_LENGTH) {
      throw new RejectedException(RejectionReason.INVALID_HEADER);
    }
    return new GooglePushHeaders(channelId, token, resourceId, resourceState, messageNumber);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "GooglePushHeaders[channelId=" + channelId + ", state=" + state + ", messageNumber=" + messageNumber + "]";
  }
}
