package io.calendarsync.api.redis;

import io.calendarsync.api.crypto.SecretBox;

import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth authorization code on its way from the receiver to the operator ({@link RedisKeys#OAUTH_CODES_STREAM}).
 * The code is encrypted with the {@link SecretBox} and bound to its provider through the associated data
 * {@code oauth-code:{providerKey}}, so it is neither readable in Redis nor usable for another provider.
 *
 * @param providerKey the CalendarProvider that asked for consent, {@code namespace/name}
 * @param vendor whose authorization server issued the code
 * @param encryptedCode the code, sealed by {@link #seal}
 * @param redirectUri the redirect URI the code was delivered to; the token exchange must repeat it
 * @param receivedAt when the receiver got it
 */
public record OAuthCodeGrant(
    String providerKey,
    VendorName vendor,
    String encryptedCode,
    String redirectUri,
    Instant receivedAt) {

  public OAuthCodeGrant {
    Objects.requireNonNull(providerKey, "providerKey");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(encryptedCode, "encryptedCode");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** Encrypts {@code code} for {@code providerKey}. */
  public static OAuthCodeGrant seal(SecretBox box, String providerKey, VendorName vendor, String code,
      String redirectUri, Instant receivedAt) {
    return new OAuthCodeGrant(providerKey, vendor, box.encrypt(code, associatedData(providerKey)), redirectUri,
        receivedAt);
  }

  /**
   * The clear code.
   *
   * @throws io.calendarsync.api.crypto.DecryptionException when it was sealed with another key or for another provider
   */
  public String openCode(SecretBox box) {
    return box.decrypt(encryptedCode, associatedData(providerKey));
  }

  /** {@code oauth-code:{providerKey}}: what an encrypted code is bound to. */
  public static String associatedData(String providerKey) {
    return "oauth-code:" + providerKey;
  }
}
