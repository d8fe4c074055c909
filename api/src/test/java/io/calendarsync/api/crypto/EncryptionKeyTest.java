package io.calendarsync.api.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class EncryptionKeyTest {

  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\n"})
  void missingKeyNamesTheVariable(String configured) {
    assertThatThrownBy(() -> EncryptionKey.fromBase64(configured))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CALENDAR_OAUTH_ENCRYPTION_KEY is not set: it must hold the base64 of exactly 32 random bytes "
            + "(openssl rand -base64 32)");
  }

  @Test
  void keyOfTheWrongLengthSaysHowLongItIsButNotWhatItIs() {
    String sixteenBytes = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> EncryptionKey.fromBase64(sixteenBytes))
        .hasMessageStartingWith("CALENDAR_OAUTH_ENCRYPTION_KEY decodes to 16 bytes")
        .message().doesNotContain(sixteenBytes);
  }

  @Test
  void keyThatIsNotBase64NeverShowsAnyOfItsCharacters() {
    String notBase64 = "this-is-not*base64!" + KEY;

    Throwable failure = catchThrowable(() -> EncryptionKey.fromBase64(notBase64));

    assertThat(failure).hasMessageStartingWith("CALENDAR_OAUTH_ENCRYPTION_KEY is not valid base64").hasNoCause();
    assertThat(failure.getMessage()).doesNotContain("*", "!", "this-is");
  }

  @Test
  void surroundingWhitespaceOfASecretFileIsIgnored() {
    assertThat(EncryptionKey.fromBase64(KEY + "\n")).isNotNull();
  }

  @Test
  void neverPrintsItself() {
    assertThat(EncryptionKey.fromBase64(KEY)).hasToString("EncryptionKey[redacted]");
    assertThat(EncryptionKey.fromBase64(KEY).deriveSigningKey("x")).hasToString("SigningKey[redacted]");
  }

  @Test
  void derivedKeysDifferByPurposeAndVerifyOnlyTheirOwnSignatures() {
    EncryptionKey key = EncryptionKey.fromBase64(KEY);
    byte[] data = "payload".getBytes(StandardCharsets.UTF_8);
    byte[] signature = key.deriveSigningKey("purpose a").sign(data);

    assertThat(key.deriveSigningKey("purpose a").verify(data, signature)).isTrue();
    assertThat(key.deriveSigningKey("purpose b").verify(data, signature)).isFalse();
    assertThat(key.deriveSigningKey("purpose a").verify("payload!".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
  }
}
