package io.calendarsync.operator.oauth;

import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.api.crypto.SecretBox;
import io.calendarsync.api.redis.OAuthCodeGrant;
import io.calendarsync.api.redis.OAuthCodeGrantCodec;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.Phase;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.microsoft.GraphEmulator;
import io.calendarsync.operator.support.Resources;
import io.fabric8.kubernetes.api.model.Secret;
import io.lettuce.core.RedisClient;
import io.lettuce.core.XReadArgs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import static io.calendarsync.operator.oauth.OAuthFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consent end to end over HTTP: a provider without a grant publishes a consent link; the test plays the person's
 * browser, following it to the emulator's consent page (which signs in its default user and approves) and on to the
 * real receiver's callback; the operator exchanges the code and the provider connects, with the token in the
 * operator's own Secret and the person's Secret untouched.
 */
class ConsentFlowTest {

  private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static OAuthFixture fx;

  @BeforeAll
  static void start() throws Exception {
    fx = new OAuthFixture();
    fx.google.oauth().setDefaultUser(OAuthFixture.GOOGLE_USER);
    fx.graph.oauth().setDefaultUser(OAuthFixture.OUTLOOK_USER);
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  @Test
  void aGoogleProviderWithoutGrantConnectsOnceAPersonFollowsItsConsentLink() throws Exception {
    String ns = fx.newNamespace();
    Secret credentials = fx.createCredentials(ns, "alice-google", Vendor.Google, null);
    fx.createProvider(ns, "alice-google", Vendor.Google);

    fx.awaitCondition(ns, "alice-google", "Connected", "False", "AuthorizationRequired");
    CalendarProvider waiting = fx.get(ns, "alice-google");
    assertThat(waiting.getStatus().getPhase()).isEqualTo(Phase.AuthorizationRequired);
    String link = waiting.getStatus().getAuthorizationUrl();
    assertThat(link).startsWith(fx.google.baseUrl() + "/o/oauth2/v2/auth?");
    assertThat(query(link)).containsEntry("client_id", OAuthFixture.CLIENT_ID)
        .containsEntry("response_type", "code")
        .containsEntry("access_type", "offline")
        .containsEntry("prompt", "consent")
        .containsEntry("scope", "https://www.googleapis.com/auth/calendar")
        .containsEntry("redirect_uri", fx.receiverUrl + "/oauth/callback/google")
        .containsKey("state");

    URI callback = followConsentLink(link);
    HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);

    fx.awaitCondition(ns, "alice-google", "Ready", "True", "Ready");
    CalendarProvider connected = fx.get(ns, "alice-google");
    assertThat(connected.getStatus().getAuthorizationUrl()).isNull();
    assertThat(connected.getStatus().getTokenExpiryTime()).isNotNull();
    Secret tokens = fx.secret(ns, "alice-google-calendarsync-tokens");
    assertThat(value(tokens, "refresh-token")).startsWith("1//");
    assertThat(tokens.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(connected.getMetadata().getUid()));
    assertThat(fx.secret(ns, "alice-google")).isEqualTo(credentials);
    assertThat(fx.google.tokenRequests().get("authorization_code:ok")).isEqualTo(1);

    // The same callback again (a reload, or someone replaying it): refused, nothing stored or exchanged.
    HttpResponse<String> replay = BROWSER.send(HttpRequest.newBuilder(callback).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(fx.google.tokenRequests().get("authorization_code:ok")).isEqualTo(1);
    assertThat(fx.google.tokenRequests().get("authorization_code:invalid_grant")).isZero();
    assertThat(value(fx.secret(ns, "alice-google-calendarsync-tokens"), "refresh-token"))
        .isEqualTo(value(tokens, "refresh-token"));

    String code = query(callback.toString()).get("code");
    assertThat(fx.everythingShown(ns, "alice-google")).doesNotContain(code, value(tokens, "refresh-token"),
        Resources.CLIENT_SECRET_VALUE, "ya29.");
    assertThat(fx.capturedLogs()).doesNotContain(code, value(tokens, "refresh-token"),
        Resources.CLIENT_SECRET_VALUE, "ya29.", "1//");
  }

  @Test
  void aMicrosoftProviderAsksForOfflineCalendarAccessOnItsTenantAndConnects() throws Exception {
    String ns = fx.newNamespace();
    Secret credentials = fx.createCredentials(ns, "bob-outlook", Vendor.Microsoft, null);
    fx.createProvider(ns, "bob-outlook", Vendor.Microsoft);

    fx.awaitCondition(ns, "bob-outlook", "Connected", "False", "AuthorizationRequired");
    String link = fx.get(ns, "bob-outlook").getStatus().getAuthorizationUrl();
    assertThat(link).startsWith(fx.graph.baseUrl() + "/" + GraphEmulator.TENANT_ID + "/oauth2/v2.0/authorize?");
    assertThat(query(link)).containsEntry("scope", "offline_access Calendars.ReadWrite")
        .containsEntry("redirect_uri", fx.receiverUrl + "/oauth/callback/microsoft");

    URI callback = followConsentLink(link);
    assertThat(BROWSER.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(200);

    fx.awaitCondition(ns, "bob-outlook", "Ready", "True", "Ready");
    assertThat(value(fx.secret(ns, "bob-outlook-calendarsync-tokens"), "refresh-token")).startsWith("0.AX");
    assertThat(fx.secret(ns, "bob-outlook")).isEqualTo(credentials);
  }

  @Test
  void aCodeSealedWithAnotherKeyIsDroppedAndLoggedWithoutItsValue() {
    String ns = fx.newNamespace();
    fx.createCredentials(ns, "frank-google", Vendor.Google, null);
    fx.createProvider(ns, "frank-google", Vendor.Google);
    fx.awaitCondition(ns, "frank-google", "Connected", "False", "AuthorizationRequired");
    String code = "4/code-sealed-by-a-stranger";
    OAuthCodeGrant foreign = OAuthCodeGrant.seal(new SecretBox(EncryptionKey.fromBase64(
        Base64.getEncoder().encodeToString(new byte[32]))), ns + "/frank-google", VendorName.GOOGLE, code,
        fx.receiverUrl + "/oauth/callback/google", fx.clock.instant());
    long exchanges = fx.google.tokenRequests().get("authorization_code:ok")
        + fx.google.tokenRequests().get("authorization_code:invalid_grant");

    try (RedisClient client = RedisClient.create(fx.redis.uri()); var connection = client.connect()) {
      connection.sync().xadd(RedisKeys.OAUTH_CODES_STREAM, OAuthCodeGrantCodec.encode(foreign));
      // Handled means acknowledged and deleted: nothing pending, nothing left on the stream.
      await().atMost(Duration.ofSeconds(30)).until(() -> connection.sync().xlen(RedisKeys.OAUTH_CODES_STREAM) == 0
          && connection.sync().xpending(RedisKeys.OAUTH_CODES_STREAM, RedisKeys.OAUTH_CODES_GROUP).getCount() == 0);
    }
    assertThat(fx.capturedLogs()).contains("does not decrypt with this operator's CALENDAR_OAUTH_ENCRYPTION_KEY")
        .doesNotContain(code);
    assertThat(fx.google.tokenRequests().get("authorization_code:ok")
        + fx.google.tokenRequests().get("authorization_code:invalid_grant")).isEqualTo(exchanges);
    assertThat(fx.get(ns, "frank-google").getStatus().getPhase()).isEqualTo(Phase.AuthorizationRequired);
  }

  @Test
  void aCodeTheLeaderReadButNeverHandledIsCompletedByTheNextOne() throws Exception {
    String ns = fx.newNamespace();
    fx.createCredentials(ns, "grace-google", Vendor.Google, null);
    fx.createProvider(ns, "grace-google", Vendor.Google);
    fx.awaitCondition(ns, "grace-google", "Connected", "False", "AuthorizationRequired");
    String link = fx.get(ns, "grace-google").getStatus().getAuthorizationUrl();

    // The operator is down while the person consents; the receiver queues the code regardless.
    fx.stopOperator();
    URI callback = followConsentLink(link);
    assertThat(BROWSER.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(200);
    try (RedisClient client = RedisClient.create(fx.redis.uri()); var connection = client.connect()) {
      // A leader that read the entry and crashed before handling it: delivered, never acknowledged.
      assertThat(connection.sync().xreadgroup(io.lettuce.core.Consumer.from(RedisKeys.OAUTH_CODES_GROUP, "operator"),
          XReadArgs.StreamOffset.lastConsumed(RedisKeys.OAUTH_CODES_STREAM))).hasSize(1);

      fx.startOperator();

      fx.awaitCondition(ns, "grace-google", "Ready", "True", "Ready");
      assertThat(fx.secret(ns, "grace-google-calendarsync-tokens")).isNotNull();
      assertThat(connection.sync().xpending(RedisKeys.OAUTH_CODES_STREAM, RedisKeys.OAUTH_CODES_GROUP).getCount())
          .isZero();
    }
  }

  /** Follows the link to the vendor's consent page, which answers with a redirect to the receiver. */
  private static URI followConsentLink(String link) throws Exception {
    HttpResponse<String> consent = BROWSER.send(HttpRequest.newBuilder(URI.create(link)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(consent.statusCode()).isEqualTo(302);
    URI callback = URI.create(consent.headers().firstValue("Location").orElseThrow());
    assertThat(callback.toString()).startsWith(fx.receiverUrl + "/oauth/callback/");
    return callback;
  }

  static Map<String, String> query(String url) {
    return Arrays.stream(URI.create(url).getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
  }
}
