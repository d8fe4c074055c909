package io.calendarsync.api.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenDigestTest {

  @Test
  void isTheLowerCaseHexSha256OfTheToken() {
    // printf %s abc | sha256sum
    assertThat(TokenDigest.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void matchesOnlyTheTokenItWasMadeFrom() {
    String digest = TokenDigest.of("channel-token");

    assertThat(TokenDigest.matches("channel-token", digest)).isTrue();
    assertThat(TokenDigest.matches("channel-token", digest.toUpperCase())).isTrue();
    assertThat(TokenDigest.matches("channel-token2", digest)).isFalse();
    assertThat(TokenDigest.matches(digest, digest)).as("the digest itself is not a token").isFalse();
    assertThat(TokenDigest.matches(null, digest)).isFalse();
    assertThat(TokenDigest.matches("channel-token", null)).isFalse();
  }
}
