package io.calendarsync.api.crypto;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

  private static final String AAD = "oauth-code:team-a/alice-google";

  private final SecretBox box = new SecretBox(randomKey());

  @Test
  void roundTrips() {
    String secret = "4/0AVMBsJ-authorization-code \u00e9\u00e8";

    assertThat(box.decrypt(box.encrypt(secret, AAD), AAD)).isEqualTo(secret);
    assertThat(box.decrypt(box.encrypt("", AAD), AAD)).isEmpty();
  }

  @Test
  void everyEncryptionUsesAFreshIvSoEqualSecretsLookDifferent() {
    String first = box.encrypt("same", AAD);
    String second = box.encrypt("same", AAD);

    assertThat(first).isNotEqualTo(second);
    // base64(12-byte IV + 4-byte text + 16-byte tag)
    assertThat(Base64.getDecoder().decode(first)).hasSize(12 + 4 + 16);
  }

  @Test
  void alteredCiphertextIsRefused() {
    byte[] sealed = Base64.getDecoder().decode(box.encrypt("secret", AAD));
    sealed[sealed.length - 20] ^= 1;
    String tampered = Base64.getEncoder().encodeToString(sealed);

    assertThatThrownBy(() -> box.decrypt(tampered, AAD)).isInstanceOf(DecryptionException.class)
        .hasMessage("cannot decrypt: wrong key, wrong associated data, or altered ciphertext");
  }

  @Test
  void ciphertextMovedToAnotherUseIsRefused() {
    String sealed = box.encrypt("secret", AAD);

    assertThatThrownBy(() -> box.decrypt(sealed, "oauth-code:team-b/mallory-google"))
        .isInstanceOf(DecryptionException.class);
  }

  @Test
  void anotherKeyCannotDecrypt() {
    String sealed = box.encrypt("secret", AAD);

    assertThatThrownBy(() -> new SecretBox(randomKey()).decrypt(sealed, AAD)).isInstanceOf(DecryptionException.class);
  }

  @Test
  void garbageIsRefusedNotDecrypted() {
    assertThatThrownBy(() -> box.decrypt("not base64 at all!", AAD)).hasMessage("cannot decrypt: not base64");
    assertThatThrownBy(() -> box.decrypt(Base64.getEncoder().encodeToString(new byte[27]), AAD))
        .hasMessage("cannot decrypt: too short to be a ciphertext");
    assertThatThrownBy(() -> box.decrypt(Base64.getEncoder().encodeToString(new byte[28]), AAD))
        .isInstanceOf(DecryptionException.class);
  }

  private static EncryptionKey randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return EncryptionKey.fromBase64(Base64.getEncoder().encodeToString(key));
  }
}
