package io.calendarsync.api.redis;

import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.api.redis.InvalidConsentStateException.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsentStateTest {

  private static final EncryptionKey KEY = EncryptionKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.750Z");

  private final ConsentState operator = new ConsentState(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void issuedStateVerifiesToItsClaims() {
    ConsentState.Issued issued = operator.issue("team-a/alice-google", VendorName.GOOGLE);

    ConsentState.Claims claims = receiverAt(NOW.plusSeconds(60)).verify(issued.state());

    assertThat(claims).isEqualTo(issued.claims());
    assertThat(claims.providerKey()).isEqualTo("team-a/alice-google");
    assertThat(claims.vendor()).isEqualTo(VendorName.GOOGLE);
    assertThat(claims.expiresAt()).isEqualTo(Instant.parse("2026-03-01T10:10:00Z"));
    assertThat(claims.nonce()).matches("[A-Za-z0-9_-]{22}");
    assertThat(claims.nonceKey()).isEqualTo("calsync:oauth:state:" + claims.nonce());
  }

  @Test
  void payloadIsTheDocumentedJson() {
    ConsentState.Issued issued = operator.issue("team-a/bob-outlook", VendorName.MICROSOFT);
    String payload = issued.state().substring(0, issued.state().indexOf('.'));

    assertThat(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).isEqualTo(
        "{\"p\":\"team-a/bob-outlook\",\"v\":\"microsoft\",\"n\":\"" + issued.claims().nonce() + "\",\"e\":"
            + Instant.parse("2026-03-01T10:10:00Z").getEpochSecond() + "}");
    assertThat(issued.state()).doesNotContain("=", "+", "/");
  }

  @Test
  void everyStateHasItsOwnNonce() {
    assertThat(operator.issue("team-a/alice-google", VendorName.GOOGLE).claims().nonce())
        .isNotEqualTo(operator.issue("team-a/alice-google", VendorName.GOOGLE).claims().nonce());
  }

  @Test
  void expiresAfterTenMinutes() {
    String state = operator.issue("team-a/alice-google", VendorName.GOOGLE).state();

    assertThat(receiverAt(NOW.plus(Duration.ofMinutes(9))).verify(state)).isNotNull();
    assertRefused(receiverAt(NOW.plus(Duration.ofMinutes(10))), state, Reason.EXPIRED);
  }

  @Test
  void alteredPayloadOrSignatureIsRefused() {
    String state = operator.issue("team-a/alice-google", VendorName.GOOGLE).state();
    String[] parts = state.split("\\.");
    String otherProvider = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
            .replace("team-a/alice-google", "team-b/eve-google").getBytes(StandardCharsets.UTF_8));
    char last = parts[1].charAt(parts[1].length() - 2);

    assertRefused(operator, otherProvider + "." + parts[1], Reason.BAD_SIGNATURE);
    assertRefused(operator, parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
        + (last == 'A' ? 'B' : 'A') + parts[1].charAt(parts[1].length() - 1), Reason.BAD_SIGNATURE);
  }

  @Test
  void stateSignedWithAnotherKeyIsRefused() {
    EncryptionKey otherKey = EncryptionKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B'));
    String foreign = new ConsentState(otherKey, Clock.fixed(NOW, ZoneOffset.UTC))
        .issue("team-a/alice-google", VendorName.GOOGLE).state();

    assertRefused(operator, foreign, Reason.BAD_SIGNATURE);
  }

  @Test
  void malformedStatesAreRefusedWithoutParsing() {
    String valid = operator.issue("team-a/alice-google", VendorName.GOOGLE).state();

    for (String state : new String[] {null, "", "no-dot", "a.b.c", "***.***", valid + "." + valid, "x".repeat(2000)}) {
      assertRefused(operator, state, Reason.MALFORMED);
    }
  }

  @Test
  void signedPayloadWithoutTheFieldsIsMalformed() {
    byte[] payload = "{\"p\":\"team-a/alice\",\"v\":\"yahoo\",\"n\":\"x\",\"e\":1}".getBytes(StandardCharsets.UTF_8);
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String state = base64.encodeToString(payload) + "."
        + base64.encodeToString(KEY.deriveSigningKey(ConsentState.SIGNING_PURPOSE).sign(payload));

    assertRefused(operator, state, Reason.MALFORMED);
  }

  private static ConsentState receiverAt(Instant now) {
    return new ConsentState(KEY, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static void assertRefused(ConsentState verifier, String state, Reason reason) {
    assertThatThrownBy(() -> verifier.verify(state))
        .isInstanceOfSatisfying(InvalidConsentStateException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
