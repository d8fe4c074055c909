package io.calendarsync.api.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How a push channel's secret (Google channel token, Graph clientState) is kept: as the hex SHA-256 of the token, so
 * a reader of Redis learns nothing it could present to the receiver. The tokens are random and long, so a plain hash
 * (no salt, no stretching) is enough.
 */
public final class TokenDigest {

  private TokenDigest() {}

  /** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
  public static String of(String token) {
    return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether {@code presented} hashes to {@code expectedDigest}, compared in constant time. */
  public static boolean matches(String presented, String expectedDigest) {
    if (presented == null || expectedDigest == null) {
      return false;
    }
    return MessageDigest.isEqual(of(presented).getBytes(StandardCharsets.US_ASCII),
        expectedDigest.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /** The SHA-256 of some bytes; used where a fixed-length name for arbitrary input is needed. */
  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
