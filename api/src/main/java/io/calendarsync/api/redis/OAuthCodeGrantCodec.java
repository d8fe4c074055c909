package io.calendarsync.api.redis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link OAuthCodeGrant} to and from the fields of its stream entry: {@code provider}, {@code vendor}, {@code code}
 * (encrypted), {@code redirectUri}, {@code receivedAt} (epoch ms).
 */
public final class OAuthCodeGrantCodec {

  public static final String PROVIDER = "provider";
  public static final String VENDOR = "vendor";
  public static final String CODE = "code";
  public static final String REDIRECT_URI = "redirectUri";
  public static final String RECEIVED_AT = "receivedAt";

  private OAuthCodeGrantCodec() {}

  public static Map<String, String> encode(OAuthCodeGrant grant) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(PROVIDER, grant.providerKey());
    fields.put(VENDOR, grant.vendor().wireName());
    fields.put(CODE, grant.encryptedCode());
    fields.put(REDIRECT_URI, grant.redirectUri());
    fields.put(RECEIVED_AT, Fields.epochMillis(grant.receivedAt()));
    return fields;
  }

  /** @throws IllegalArgumentException when the entry is not a valid grant */
  public static OAuthCodeGrant decode(Map<String, String> entry) {
    Fields fields = new Fields("OAuth code grant", entry);
    return new OAuthCodeGrant(fields.required(PROVIDER), fields.wireName(VENDOR, VendorName::fromWireName),
        fields.required(CODE), fields.required(REDIRECT_URI), fields.epochMillis(RECEIVED_AT));
  }
}
