package io.calendarsync.api.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ChannelRegistration} to and from the fields of its hash ({@code HSET key ...} / {@code HGETALL key}):
 * {@code provider}, {@code tokenDigest}, {@code resourceId} (Google only), {@code expiresAt} (epoch ms). Vendor and
 * channel id are in the key.
 */
public final class ChannelRegistrationCodec {

  public static final String PROVIDER = "provider";
  public static final String TOKEN_DIGEST = "tokenDigest";
  public static final String RESOURCE_ID = "resourceId";
  public static final String EXPIRES_AT = "expiresAt";

  private ChannelRegistrationCodec() {}

  public static Map<String, String> encode(ChannelRegistration registration) {
    Map<String, String> hash = new LinkedHashMap<>();
    hash.put(PROVIDER, registration.providerKey());
    hash.put(TOKEN_DIGEST, registration.tokenDigest());
    if (registration.resourceId() != null) {
      hash.put(RESOURCE_ID, registration.resourceId());
    }
    hash.put(EXPIRES_AT, Fields.epochMillis(registration.expiresAt()));
    return hash;
  }

  /**
   * @param hash what HGETALL returned; empty when the key does not exist
   * @return the registration, or empty when there is none
   * @throws IllegalArgumentException when the hash exists but is not a valid registration
   */
  public static Optional<ChannelRegistration> decode(VendorName vendor, String channelId, Map<String, String> hash) {
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    Fields fields = new Fields("channel registration " + RedisKeys.channel(vendor, channelId), hash);
    return Optional.of(new ChannelRegistration(vendor, channelId, fields.required(PROVIDER),
        fields.required(TOKEN_DIGEST), fields.optional(RESOURCE_ID), fields.epochMillis(EXPIRES_AT)));
  }
}
