package io.calendarsync.api.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** An HMAC-SHA256 key derived from the {@link EncryptionKey} for one purpose. */
public final class SigningKey {

  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;

  SigningKey(byte[] key) {
    this.key = key;
  }

  public byte[] sign(byte[] data) {
    return hmac(key, data);
  }

  /** Compares in constant time, so the response time tells an attacker nothing about how much of a guess was right. */
  public boolean verify(byte[] data, byte[] signature) {
    return MessageDigest.isEqual(sign(data), signature);
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime provides " + ALGORITHM, e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[redacted]";
  }
}
