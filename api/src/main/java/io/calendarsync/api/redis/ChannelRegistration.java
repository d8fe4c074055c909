package io.calendarsync.api.redis;

import io.calendarsync.api.crypto.TokenDigest;

import java.time.Instant;
import java.util.Objects;

/**
 * One live push channel, as the operator registers it for the receiver: which provider owns it and how to check the
 * secret the vendor sends back with every notification. The secret itself is never stored, only its digest.
 *
 * @param vendor Google or Microsoft
 * @param channelId the Google channel id or the Graph subscription id
 * @param providerKey the owning CalendarProvider, {@code namespace/name}
 * @param tokenDigest {@link TokenDigest} of the channel token (Google) or clientState (Graph)
 * @param resourceId the resource id Google assigned to the watch; {@code null} for Graph
 * @param expiresAt when the vendor stops delivering on this channel
 */
public record ChannelRegistration(
    VendorName vendor,
    String channelId,
    String providerKey,
    String tokenDigest,
    String resourceId,
    Instant expiresAt) {

  /** Longest channel id accepted (Google's are at most 64 characters, Graph's are GUIDs); longer ones are refused unread. */
  public static final int MAX_CHANNEL_ID_LENGTH = 256;

  public ChannelRegistration {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(expiresAt, "expiresAt");
    requireText(channelId, "channelId");
    if (channelId.length() > MAX_CHANNEL_ID_LENGTH) {
      throw new IllegalArgumentException("channelId must be at most " + MAX_CHANNEL_ID_LENGTH + " characters");
    }
    requireText(providerKey, "providerKey");
    if (tokenDigest == null || !tokenDigest.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("tokenDigest must be a lower-case hex SHA-256");
    }
    if (vendor == VendorName.GOOGLE) {
      requireText(resourceId, "resourceId of a Google channel");
    } else if (resourceId != null) {
      throw new IllegalArgumentException("only Google channels have a resourceId");
    }
  }

  /** A registration for a channel created with {@code token}; keeps only its digest. */
  public static ChannelRegistration withToken(VendorName vendor, String channelId, String providerKey, String token,
      String resourceId, Instant expiresAt) {
    return new ChannelRegistration(vendor, channelId, providerKey, TokenDigest.of(token), resourceId, expiresAt);
  }

  /** The key of this registration's hash. */
  public String key() {
    return RedisKeys.channel(vendor, channelId);
  }

  /** When the operator lets the key expire (PEXPIREAT): {@link RedisKeys#CHANNEL_RETENTION} after the channel. */
  public Instant retainUntil() {
    return expiresAt.plus(RedisKeys.CHANNEL_RETENTION);
  }

  /** Whether a notification's token (or clientState) is this channel's, compared in constant time. */
  public boolean acceptsToken(String presented) {
    return TokenDigest.matches(presented, tokenDigest);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
