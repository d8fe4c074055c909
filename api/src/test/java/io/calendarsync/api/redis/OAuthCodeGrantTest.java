package io.calendarsync.api.redis;

import io.calendarsync.api.crypto.DecryptionException;
import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.api.crypto.SecretBox;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OAuthCodeGrantTest {

  private static final SecretBox BOX =
      new SecretBox(EncryptionKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])));
  private static final Instant RECEIVED = Instant.ofEpochMilli(1_772_359_200_123L);

  @Test
  void codeIsEncryptedInTheEntryAndDecryptsForItsProvider() {
    OAuthCodeGrant grant = OAuthCodeGrant.seal(BOX, "team-a/alice-google", VendorName.GOOGLE, "4/0Ab-code",
        "https://hooks.example.com/oauth/callback/google", RECEIVED);

    Map<String, String> fields = OAuthCodeGrantCodec.encode(grant);

    assertThat(fields).containsOnlyKeys("provider", "vendor", "code", "redirectUri", "receivedAt")
        .containsEntry("provider", "team-a/alice-google").containsEntry("vendor", "google")
        .containsEntry("redirectUri", "https://hooks.example.com/oauth/callback/google")
        .containsEntry("receivedAt", "1772359200123");
    assertThat(fields.get("code")).isNotEqualTo("4/0Ab-code").doesNotContain("4/0Ab-code");
    assertThat(OAuthCodeGrantCodec.decode(fields)).isEqualTo(grant);
    assertThat(OAuthCodeGrantCodec.decode(fields).openCode(BOX)).isEqualTo("4/0Ab-code");
  }

  @Test
  void codeMovedToAnotherProviderDoesNotDecrypt() {
    OAuthCodeGrant grant = OAuthCodeGrant.seal(BOX, "team-a/alice-google", VendorName.GOOGLE, "4/0Ab-code",
        "https://hooks.example.com/oauth/callback/google", RECEIVED);
    OAuthCodeGrant moved = new OAuthCodeGrant("team-b/eve-google", grant.vendor(), grant.encryptedCode(),
        grant.redirectUri(), grant.receivedAt());

    assertThat(OAuthCodeGrant.associatedData("team-a/alice-google")).isEqualTo("oauth-code:team-a/alice-google");
    assertThatThrownBy(() -> moved.openCode(BOX)).isInstanceOf(DecryptionException.class);
  }
}
