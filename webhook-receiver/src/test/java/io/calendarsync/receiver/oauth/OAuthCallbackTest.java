package io.calendarsync.receiver.oauth;

import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.api.crypto.SecretBox;
import io.calendarsync.api.redis.ConsentState;
import io.calendarsync.api.redis.OAuthCodeGrantCodec;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.receiver.support.ReceiverHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /oauth/callback/{vendor}: the test plays the operator (issues the signed state and stores its nonce, as the
 * contract says) and the vendor (redirects the browser back with a code).
 */
class OAuthCallbackTest {

  private static final String PROVIDER = "team-a/alice-google";
  private static final String CODE = "4/0AVMBsJh-s3cret-authorization-code";

  private static ReceiverHarness harness;

  @BeforeAll
  static void start() throws Exception {
    harness = ReceiverHarness.start();
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
  }

  @BeforeEach
  void reset() {
    harness.reset();
    harness.clock.set(ReceiverHarness.START);
  }

  @Test
  void grantedCodeReachesTheOperatorEncryptedForItsProvider() {
    ConsentState.Issued issued = consentUrl(PROVIDER, VendorName.GOOGLE);
    double granted = callbacks("google", "granted");

    HttpResponse<String> response = callback("google", CODE, issued.state());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Calendar access granted; you can close this page");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    assertThat(harness.oauthCodes()).singleElement().satisfies(entry -> {
      assertThat(entry).containsEntry("provider", PROVIDER).containsEntry("vendor", "google")
          .containsEntry("redirectUri", "http://127.0.0.1:" + harness.port() + "/oauth/callback/google")
          .containsEntry("receivedAt", Long.toString(ReceiverHarness.START.toEpochMilli()));
      assertThat(entry.get("code")).doesNotContain(CODE);
      assertThat(OAuthCodeGrantCodec.decode(entry).openCode(new SecretBox(harness.encryptionKey))).isEqualTo(CODE);
    });
    assertThat(harness.redis().exists(issued.claims().nonceKey())).as("the nonce is used up").isZero();
    assertThat(callbacks("google", "granted")).isEqualTo(granted + 1);
  }

  @Test
  void microsoftCallbackWorksTheSame() {
    ConsentState.Issued issued = consentUrl("team-a/bob-outlook", VendorName.MICROSOFT);

    assertThat(callback("microsoft", "M.C507_BAY.2.U.code", issued.state()).statusCode()).isEqualTo(200);

    assertThat(harness.oauthCodes()).singleElement().satisfies(entry ->
        assertThat(entry).containsEntry("provider", "team-a/bob-outlook").containsEntry("vendor", "microsoft"));
  }

  @Test
  void replayedStateIsRefused() {
    ConsentState.Issued issued = consentUrl(PROVIDER, VendorName.GOOGLE);
    assertThat(callback("google", CODE, issued.state()).statusCode()).isEqualTo(200);

    HttpResponse<String> replay = callback("google", "4/another-code", issued.state());

    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replay.body()).contains("already used");
    assertThat(harness.oauthCodes()).hasSize(1);
    assertThat(callbacks("google", "replayed_state")).isPositive();
  }

  @Test
  void expiredStateIsRefusedAndNothingStored() {
    ConsentState.Issued issued = consentUrl(PROVIDER, VendorName.GOOGLE);
    harness.clock.advance(RedisKeys.CONSENT_STATE_TTL.plusSeconds(1));

    HttpResponse<String> response = callback("google", CODE, issued.state());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("expired");
    assertThat(harness.oauthCodes()).isEmpty();
  }

  @Test
  void tamperedSignatureIsRefused() {
    String state = consentUrl(PROVIDER, VendorName.GOOGLE).state();
    String tampered = state.substring(0, state.length() - 3) + (state.endsWith("AAA") ? "BBB" : "AAA");

    assertThat(callback("google", CODE, tampered).statusCode()).isEqualTo(400);

    assertThat(harness.oauthCodes()).isEmpty();
    assertThat(callbacks("google", "invalid_state")).isPositive();
  }

  @Test
  void stateSignedWithAnotherKeyIsRefused() {
    byte[] otherKey = new byte[32];
    new SecureRandom().nextBytes(otherKey);
    ConsentState otherInstallation = new ConsentState(
        EncryptionKey.fromBase64(Base64.getEncoder().encodeToString(otherKey)), harness.clock);
    ConsentState.Issued foreign = otherInstallation.issue(PROVIDER, VendorName.GOOGLE);
    harness.redis().setex(foreign.claims().nonceKey(), 600, PROVIDER);

    assertThat(callback("google", CODE, foreign.state()).statusCode()).isEqualTo(400);

    assertThat(harness.oauthCodes()).isEmpty();
  }

  @Test
  void nonceOfAnotherProviderIsRefusedAndNothingStored() {
    ConsentState.Issued issued = consentUrl(PROVIDER, VendorName.GOOGLE);
    harness.redis().set(issued.claims().nonceKey(), "team-b/mallory-google");

    assertThat(callback("google", CODE, issued.state()).statusCode()).isEqualTo(400);

    assertThat(harness.oauthCodes()).isEmpty();
    assertThat(callbacks("google", "foreign_state")).isPositive();
  }

  @Test
  void stateForAnotherVendorIsRefused() {
    ConsentState.Issued issued = consentUrl(PROVIDER, VendorName.GOOGLE);

    assertThat(callback("microsoft", CODE, issued.state()).statusCode()).isEqualTo(400);

    assertThat(harness.oauthCodes()).isEmpty();
    assertThat(harness.redis().exists(issued.claims().nonceKey())).as("still usable on the right callback").isOne();
    assertThat(callbacks("microsoft", "vendor_mismatch")).isPositive();
  }

  @Test
  void vendorErrorIsShownEscapedAndNothingStored() {
    ConsentState.Issued issued = consentUrl(PROVIDER, VendorName.GOOGLE);

    HttpResponse<String> response = harness.get("/oauth/callback/google?error="
        + URLEncoder.encode("access_denied<script>alert(1)</script>", StandardCharsets.UTF_8)
        + "&state=" + issued.state());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("access_denied&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    assertThat(harness.oauthCodes()).isEmpty();
    assertThat(callbacks("google", "vendor_error")).isPositive();
  }

  @Test
  void missingCodeOrStateIsRefused() {
    assertThat(harness.get("/oauth/callback/google?code=abc").statusCode()).isEqualTo(400);
    assertThat(harness.get("/oauth/callback/google?state=abc").statusCode()).isEqualTo(400);
    assertThat(harness.get("/oauth/callback/google?code=%3Cb%3E&state=%3Ci%3E").body()).doesNotContain("<b>", "<i>");
    assertThat(harness.oauthCodes()).isEmpty();
  }

  @Test
  void configuredPublicUrlIsTheRedirectUri() throws Exception {
    try (ReceiverHarness behindIngress = ReceiverHarness.startBehind(
        URI.create("https://calendar-hooks.example.com/"))) {
      ConsentState.Issued issued = behindIngress.issueConsent(PROVIDER, VendorName.GOOGLE);

      assertThat(behindIngress.get("/oauth/callback/google?code=c&state=" + issued.state()).statusCode()).isEqualTo(200);

      assertThat(behindIngress.oauthCodes()).singleElement().satisfies(entry -> assertThat(entry)
          .containsEntry("redirectUri", "https://calendar-hooks.example.com/oauth/callback/google"));
    }
  }

  private static ConsentState.Issued consentUrl(String provider, VendorName vendor) {
    return harness.issueConsent(provider, vendor);
  }

  private static HttpResponse<String> callback(String vendor, String code, String state) {
    return harness.oauthCallback(vendor, code, state);
  }

  private static double callbacks(String vendor, String result) {
    return harness.metric("calendarsync_receiver_oauth_callbacks_total", "vendor", vendor, "result", result);
  }

}
