package io.calendarsync.api.redis;

import io.calendarsync.api.crypto.TokenDigest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelRegistrationCodecTest {

  private static final Instant EXPIRES = Instant.parse("2026-03-08T10:00:00Z");

  @Test
  void googleRegistrationIsAHashOfTheDocumentedFieldsWithoutTheToken() {
    ChannelRegistration registration = ChannelRegistration.withToken(VendorName.GOOGLE, "chan-1", "team-a/alice-google",
        "s3cret-token", "res-9", EXPIRES);

    Map<String, String> hash = ChannelRegistrationCodec.encode(registration);

    assertThat(registration.key()).isEqualTo("calsync:channel:google:chan-1");
    assertThat(hash).containsExactly(
        Map.entry("provider", "team-a/alice-google"),
        Map.entry("tokenDigest", TokenDigest.of("s3cret-token")),
        Map.entry("resourceId", "res-9"),
        Map.entry("expiresAt", "1772964000000"));
    assertThat(hash.values()).doesNotContain("s3cret-token");
    assertThat(ChannelRegistrationCodec.decode(VendorName.GOOGLE, "chan-1", hash)).contains(registration);
  }

  @Test
  void graphRegistrationHasNoResourceId() {
    ChannelRegistration registration = ChannelRegistration.withToken(VendorName.MICROSOFT, "sub-1", "team-a/bob-outlook",
        "client-state", null, EXPIRES);

    Map<String, String> hash = ChannelRegistrationCodec.encode(registration);

    assertThat(registration.key()).isEqualTo("calsync:channel:microsoft:sub-1");
    assertThat(hash).doesNotContainKey("resourceId");
    assertThat(ChannelRegistrationCodec.decode(VendorName.MICROSOFT, "sub-1", hash)).contains(registration);
  }

  @Test
  void checksTokensInConstantTimeAgainstTheDigest() {
    ChannelRegistration registration = ChannelRegistration.withToken(VendorName.GOOGLE, "chan-1", "team-a/alice-google",
        "s3cret-token", "res-9", EXPIRES);

    assertThat(registration.acceptsToken("s3cret-token")).isTrue();
    assertThat(registration.acceptsToken("s3cret-tokeN")).isFalse();
    assertThat(registration.acceptsToken(null)).isFalse();
  }

  @Test
  void keyOutlivesTheChannelByTheRetention() {
    ChannelRegistration registration = ChannelRegistration.withToken(VendorName.GOOGLE, "chan-1", "team-a/alice-google",
        "t", "res-9", EXPIRES);

    assertThat(registration.retainUntil()).isEqualTo(EXPIRES.plus(RedisKeys.CHANNEL_RETENTION));
  }

  @Test
  void missingKeyDecodesToNothingAndABrokenHashIsAnError() {
    assertThat(ChannelRegistrationCodec.decode(VendorName.GOOGLE, "chan-1", Map.of())).isEmpty();
    assertThatThrownBy(() -> ChannelRegistrationCodec.decode(VendorName.GOOGLE, "chan-1",
        Map.of("provider", "team-a/alice-google", "expiresAt", "1")))
        .hasMessage("channel registration calsync:channel:google:chan-1 has no tokenDigest");
    assertThatThrownBy(() -> ChannelRegistrationCodec.decode(VendorName.MICROSOFT, "sub-1",
        Map.of("provider", "p/q", "tokenDigest", TokenDigest.of("t"), "expiresAt", "soon")))
        .hasMessageContaining("expiresAt that is not epoch milliseconds");
  }

  @Test
  void refusesRegistrationsThatCouldNeverVerify() {
    assertThatThrownBy(() -> new ChannelRegistration(VendorName.GOOGLE, "c", "p/q", "s3cret-token", "r", EXPIRES))
        .hasMessageContaining("tokenDigest");
    assertThatThrownBy(() -> ChannelRegistration.withToken(VendorName.GOOGLE, "c", "p/q", "t", null, EXPIRES))
        .hasMessageContaining("resourceId");
    assertThatThrownBy(() -> ChannelRegistration.withToken(VendorName.MICROSOFT, "c", "p/q", "t", "r", EXPIRES))
        .hasMessageContaining("resourceId");
  }
}
