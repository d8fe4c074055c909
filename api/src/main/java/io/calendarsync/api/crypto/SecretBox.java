package io.calendarsync.api.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * AES-256-GCM for secrets kept in Redis. Each message gets a fresh random 96-bit IV; the output is
 * base64(iv || ciphertext || 128-bit tag). The associated data names what a ciphertext is for (such as
 * {@code oauth-code:team-a/alice-google}): it is authenticated but not stored, so a ciphertext moved to another use or
 * another provider fails to decrypt instead of being accepted there.
 *
 * <p>Thread-safe: a {@link Cipher} is made per call (they are not thread-safe, and cheap next to a Redis round trip).
 */
public final class SecretBox {

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final EncryptionKey key;

  public SecretBox(EncryptionKey key) {
    this.key = key;
  }

  public String encrypt(String plaintext, String associatedData) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, associatedData);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * @throws DecryptionException when the value was not made by {@link #encrypt} with this key and this associated data,
   *     or was altered since; never returns garbage
   */
  public String decrypt(String ciphertext, String associatedData) {
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(ciphertext);
    } catch (IllegalArgumentException e) {
      throw new DecryptionException("not base64");
    }
    if (sealed.length < IV_BYTES + TAG_BITS / 8) {
      throw new DecryptionException("too short to be a ciphertext");
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES), associatedData);
      return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new DecryptionException("wrong key, wrong associated data, or altered ciphertext");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  private Cipher cipher(int mode, byte[] iv, String associatedData) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key.aesKey(), new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
