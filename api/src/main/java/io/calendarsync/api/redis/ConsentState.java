package io.calendarsync.api.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.api.crypto.SigningKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The OAuth {@code state} of a consent URL: {@code base64url(payload) "." base64url(HMAC-SHA256(stateKey, payload))},
 * where the payload is the JSON {@code {"p": providerKey, "v": vendor, "n": nonce, "e": expiry epoch seconds}} and
 * the state key is derived from the encryption key for this purpose only ({@value #SIGNING_PURPOSE}).
 *
 * <p>The signature proves the operator issued it, the expiry bounds its life, and the nonce (whose Redis key
 * {@link RedisKeys#consentNonce} the operator sets to the provider key, and the receiver deletes on first use) makes it
 * single-use. The operator {@linkplain #issue issues} states, the receiver {@linkplain #verify verifies} them.
 */
public final class ConsentState {

  public static final String SIGNING_PURPOSE = "calendarsync oauth state v1";
  /** Longer states are refused before any work is spent on them; a real one is under 300 characters. */
  static final int MAX_LENGTH = 1024;

  private static final int NONCE_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SigningKey stateKey;
  private final Clock clock;

  public ConsentState(EncryptionKey encryptionKey, Clock clock) {
    this.stateKey = encryptionKey.deriveSigningKey(SIGNING_PURPOSE);
    this.clock = clock;
  }

  /**
   * A new state for one consent URL, valid for {@link RedisKeys#CONSENT_STATE_TTL}. The caller stores
   * {@code SET claims.nonceKey() providerKey EX 600} before publishing the URL.
   */
  public Issued issue(String providerKey, VendorName vendor) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    Claims claims = new Claims(providerKey, vendor, ENCODER.encodeToString(nonce),
        Instant.ofEpochSecond(clock.instant().plus(RedisKeys.CONSENT_STATE_TTL).getEpochSecond()));
    ObjectNode payload = JSON.createObjectNode()
        .put("p", claims.providerKey())
        .put("v", claims.vendor().wireName())
        .put("n", claims.nonce())
        .put("e", claims.expiresAt().getEpochSecond());
    byte[] payloadBytes = payload.toString().getBytes(StandardCharsets.UTF_8);
    String state = ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(stateKey.sign(payloadBytes));
    return new Issued(state, claims);
  }

  /**
   * Checks the signature first (so nothing of an unsigned payload is even parsed), then the expiry.
   *
   * @throws InvalidConsentStateException when the state is malformed, not signed with this key, or expired
   */
  public Claims verify(String state) {
    if (state == null || state.isEmpty() || state.length() > MAX_LENGTH) {
      throw new InvalidConsentStateException(InvalidConsentStateException.Reason.MALFORMED);
    }
    int dot = state.indexOf('.');
    if (dot < 0 || state.indexOf('.', dot + 1) >= 0) {
      throw new InvalidConsentStateException(InvalidConsentStateException.Reason.MALFORMED);
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = DECODER.decode(state.substring(0, dot));
      signature = DECODER.decode(state.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidConsentStateException(InvalidConsentStateException.Reason.MALFORMED);
    }
    if (!stateKey.verify(payload, signature)) {
      throw new InvalidConsentStateException(InvalidConsentStateException.Reason.BAD_SIGNATURE);
    }
    Claims claims = parse(payload);
    if (!clock.instant().isBefore(claims.expiresAt())) {
      throw new InvalidConsentStateException(InvalidConsentStateException.Reason.EXPIRED);
    }
    return claims;
  }

  private static Claims parse(byte[] payload) {
    try {
      JsonNode json = JSON.readTree(payload);
      JsonNode provider = json.path("p");
      JsonNode vendor = json.path("v");
      JsonNode nonce = json.path("n");
      JsonNode expiry = json.path("e");
      if (!provider.isTextual() || !vendor.isTextual() || !nonce.isTextual() || !expiry.canConvertToLong()) {
        throw new InvalidConsentStateException(InvalidConsentStateException.Reason.MALFORMED);
      }
      VendorName vendorName = VendorName.fromWireName(vendor.asText())
          .orElseThrow(() -> new InvalidConsentStateException(InvalidConsentStateException.Reason.MALFORMED));
      return new Claims(provider.asText(), vendorName, nonce.asText(), Instant.ofEpochSecond(expiry.asLong()));
    } catch (IOException e) {
      // Signed by us yet unreadable cannot happen unless the format changes: refuse it like any malformed state.
      throw new InvalidConsentStateException(InvalidConsentStateException.Reason.MALFORMED);
    }
  }

  /**
   * What a state says.
   *
   * @param providerKey the CalendarProvider consent is for, {@code namespace/name}
   * @param vendor whose consent screen it is for
   * @param nonce makes it single-use
   * @param expiresAt when it stops being accepted (whole seconds)
   */
  public record Claims(String providerKey, VendorName vendor, String nonce, Instant expiresAt) {

    public Claims {
      Objects.requireNonNull(providerKey, "providerKey");
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(nonce, "nonce");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The Redis key holding this state's provider key until first use. */
    public String nonceKey() {
      return RedisKeys.consentNonce(nonce);
    }
  }

  /** A freshly issued state and what it says. */
  public record Issued(String state, Claims claims) {}
}
