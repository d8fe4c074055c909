package io.calendarsync.api.redis;

import java.time.Duration;

/** Every Redis key, stream and consumer group of the contract, and how long each lives. */
public final class RedisKeys {

  /** Stream of verified vendor notifications, written by the receiver, read by the operator. */
  public static final String NOTIFICATIONS_STREAM = "calsync:notifications";
  /** Consumer group of the operator on {@link #NOTIFICATIONS_STREAM}; the operator creates it (XGROUP CREATE MKSTREAM). */
  public static final String NOTIFICATIONS_GROUP = "operator";
  /** Approximate cap of the notification stream (XADD MAXLEN ~), so an operator that is down cannot fill Redis. */
  public static final long NOTIFICATIONS_MAX_LENGTH = 100_000;

  /** How long a notification's de-duplication key lives: longer than any vendor keeps retrying one delivery. */
  public static final Duration DEDUPLICATION_TTL = Duration.ofDays(1);

  /** Stream of OAuth authorization codes (encrypted) handed from the receiver to the operator. */
  public static final String OAUTH_CODES_STREAM = "calsync:oauth:codes";
  /** Consumer group of the operator on {@link #OAUTH_CODES_STREAM}; the operator creates it (XGROUP CREATE ... 0 MKSTREAM). */
  public static final String OAUTH_CODES_GROUP = "operator";
  /** Approximate cap of the OAuth code stream. */
  public static final long OAUTH_CODES_MAX_LENGTH = 10_000;
  /** How long a consent URL (its signed state and its nonce key) stays usable. */
  public static final Duration CONSENT_STATE_TTL = Duration.ofMinutes(10);

  /**
   * How long a channel's registry entry outlives the channel: the operator sets the key to expire at
   * {@code expiresAt + CHANNEL_RETENTION}, so entries of channels that were never stopped clean themselves up while
   * late deliveries still verify.
   */
  public static final Duration CHANNEL_RETENTION = Duration.ofHours(1);

  private static final String PREFIX = "calsync:";

  private RedisKeys() {}

  /** {@code calsync:channel:{vendor}:{channelId}}: the registry hash of one Google channel or Graph subscription. */
  public static String channel(VendorName vendor, String channelId) {
    return PREFIX + "channel:" + vendor.wireName() + ":" + channelId;
  }

  /** {@code calsync:dedup:{vendor}:{fingerprint}}; see {@link DeduplicationKeys} for the fingerprints. */
  public static String deduplication(VendorName vendor, String fingerprint) {
    return PREFIX + "dedup:" + vendor.wireName() + ":" + fingerprint;
  }

  /** {@code calsync:oauth:state:{nonce}}: the provider key a consent URL was issued for, until it is used once. */
  public static String consentNonce(String nonce) {
    return PREFIX + "oauth:state:" + nonce;
  }
}
