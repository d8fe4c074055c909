package io.calendarsync.api.crypto;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The 32-byte key configured in {@value #ENVIRONMENT_VARIABLE} (the base64 of 32 random bytes, such as
 * {@code openssl rand -base64 32} prints). It encrypts values kept in Redis and, through keys derived from it, signs
 * OAuth state. Error messages name the variable and never show its value, not even a character of it.
 */
public final class EncryptionKey {

  public static final String ENVIRONMENT_VARIABLE = "CALENDAR_OAUTH_ENCRYPTION_KEY";
  static final int LENGTH_BYTES = 32;

  private static final String EXPECTED = "it must hold the base64 of exactly 32 random bytes (openssl rand -base64 32)";

  private final byte[] bytes;

  private EncryptionKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Reads {@value #ENVIRONMENT_VARIABLE} from the process environment. */
  public static EncryptionKey fromEnvironment() {
    return fromBase64(System.getenv(ENVIRONMENT_VARIABLE));
  }

  /**
   * Decodes a configured key; surrounding whitespace (a trailing newline in a Secret file) is ignored.
   *
   * @throws IllegalArgumentException when the value is missing, not base64 or not 32 bytes long
   */
  public static EncryptionKey fromBase64(String configured) {
    if (configured == null || configured.isBlank()) {
      throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " is not set: " + EXPECTED);
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(configured.strip());
    } catch (IllegalArgumentException e) {
      // Not chained: the decoder's message quotes the offending character of the key.
      throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " is not valid base64: " + EXPECTED);
    }
    if (decoded.length != LENGTH_BYTES) {
      throw new IllegalArgumentException(
          ENVIRONMENT_VARIABLE + " decodes to " + decoded.length + " bytes: " + EXPECTED);
    }
    return new EncryptionKey(decoded);
  }

  /**
   * A key for one purpose, HMAC-SHA256(this key, purpose), so a signature made for one use can never be replayed as
   * another and the encryption key itself never signs anything.
   */
  public SigningKey deriveSigningKey(String purpose) {
    return new SigningKey(SigningKey.hmac(bytes, purpose.getBytes(StandardCharsets.UTF_8)));
  }

  SecretKeySpec aesKey() {
    return new SecretKeySpec(bytes, "AES");
  }

  @Override
  public String toString() {
    return "EncryptionKey[redacted]";
  }
}
