package io.calendarsync.operator.oauth;

import io.calendarsync.api.crypto.TokenDigest;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.Phase;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.operator.support.Resources;
import io.fabric8.kubernetes.api.model.Secret;
import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static io.calendarsync.operator.oauth.OAuthFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Token upkeep against the emulators' token endpoints, on a simulated clock: refresh ahead of expiry, Microsoft's
 * rotation persisted across an operator restart, a revoked grant that stops every call, a changed Secret picked up.
 * The person's Secret is never written, and no token or secret shows in logs, status or Events.
 */
class TokenUpkeepTest {

  private static final String GOOGLE_SCOPE = "https://www.googleapis.com/auth/calendar";
  private static final String GRAPH_SCOPE = "offline_access Calendars.ReadWrite";
  private static OAuthFixture fx;
  private final List<String> secrets = new ArrayList<>(List.of(Resources.CLIENT_SECRET_VALUE, "mistyped"));

  @BeforeAll
  static void start() throws Exception {
    fx = new OAuthFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  @AfterEach
  void nothingSecretWasLogged() {
    String logs = fx.capturedLogs();
    for (String secret : secrets) {
      assertThat(logs).doesNotContain(secret);
    }
    // Access tokens are never handed to the test; their vendor prefixes must not show either.
    assertThat(logs).doesNotContain("ya29.", "eyJ0eXAiOiJKV1QiLCJub25jZSI6");
  }

  @Test
  void accessTokensAreRefreshedAheadOfExpirySoNoCallIsRefused() {
    String ns = fx.newNamespace();
    String grant = secret(fx.google.oauth().issueGrant(OAuthFixture.CLIENT_ID, OAuthFixture.GOOGLE_USER, GOOGLE_SCOPE));
    fx.createCredentials(ns, "alice-google", Vendor.Google, grant);
    fx.createProvider(ns, "alice-google", Vendor.Google);
    fx.awaitCondition(ns, "alice-google", "Ready", "True", "Ready");
    Instant firstExpiry = Instant.parse(fx.get(ns, "alice-google").getStatus().getTokenExpiryTime());
    long refreshes = fx.google.tokenRequests().get("refresh_token:ok");
    long refused = fx.google.unauthorizedCount();
    double counted = refreshCount("Google", "success");

    // 55 minutes into a 60-minute token: inside the refresh margin, the old token still valid at the vendor.
    fx.clock.advance(Duration.ofMinutes(55));
    fx.syncNow(ns, "alice-google");

    assertThat(fx.google.tokenRequests().get("refresh_token:ok")).isEqualTo(refreshes + 1);
    assertThat(fx.google.unauthorizedCount()).isEqualTo(refused);
    CalendarProvider provider = fx.get(ns, "alice-google");
    assertThat(Instant.parse(provider.getStatus().getTokenExpiryTime())).isAfter(firstExpiry.plus(Duration.ofMinutes(50)));
    assertThat(Instant.parse(provider.getStatus().getLastTokenRefreshTime()))
        .isAfter(fx.clock.instant().minus(Duration.ofMinutes(1)));
    assertThat(refreshCount("Google", "success")).isEqualTo(counted + 1);
  }

  @Test
  void microsoftsRotatedRefreshTokenIsKeptInTheOperatorsSecretAndUsedAfterARestart() {
    fx.graph.oauth().setRevokePreviousRefreshToken(true);
    long refused = fx.graph.unauthorizedCount();
    long refusedGrants = fx.graph.tokenRequests().get("refresh_token:invalid_grant");
    String ns = fx.newNamespace();
    String grant = secret(fx.graph.oauth().issueGrant(OAuthFixture.CLIENT_ID, OAuthFixture.OUTLOOK_USER, GRAPH_SCOPE));
    Secret credentials = fx.createCredentials(ns, "bob-outlook", Vendor.Microsoft, grant);
    fx.createProvider(ns, "bob-outlook", Vendor.Microsoft);
    fx.awaitCondition(ns, "bob-outlook", "Ready", "True", "Ready");

    String firstRotation = keptToken(ns, "bob-outlook");
    assertThat(firstRotation).isNotEqualTo(grant);
    Secret tokens = fx.secret(ns, "bob-outlook-calendarsync-tokens");
    assertThat(value(tokens, "derived-from")).isEqualTo(TokenDigest.of(grant));
    assertThat(tokens.getMetadata().getLabels()).containsEntry("calendarsync.io/credentials", "true")
        .containsEntry("calendarsync.io/provider", "bob-outlook");
    assertThat(tokens.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(fx.get(ns, "bob-outlook").getMetadata().getUid()));

    fx.clock.advance(Duration.ofMinutes(55));
    fx.syncNow(ns, "bob-outlook");
    String secondRotation = keptToken(ns, "bob-outlook");
    assertThat(secondRotation).isNotEqualTo(firstRotation);

    // A new operator instance holds nothing in memory; both earlier refresh tokens are dead at the vendor.
    fx.stopOperator();
    fx.clock.advance(Duration.ofMinutes(55));
    fx.startOperator();
    fx.syncNow(ns, "bob-outlook");

    fx.awaitCondition(ns, "bob-outlook", "Ready", "True", "Ready");
    assertThat(fx.graph.tokenRequests().get("refresh_token:invalid_grant")).isEqualTo(refusedGrants);
    assertThat(keptToken(ns, "bob-outlook")).isNotIn(grant, firstRotation, secondRotation);
    assertThat(fx.graph.unauthorizedCount()).isEqualTo(refused);
    assertThat(fx.secret(ns, "bob-outlook")).isEqualTo(credentials);
  }

  @Test
  void aRevokedGrantStopsEveryCallAndOffersConsentUntilThePersonChangesTheSecret() {
    String ns = fx.newNamespace();
    String key = ns + "/carol-google";
    String grant = secret(fx.google.oauth().issueGrant(OAuthFixture.CLIENT_ID, OAuthFixture.GOOGLE_USER, GOOGLE_SCOPE));
    Secret credentials = fx.createCredentials(ns, "carol-google", Vendor.Google, grant);
    fx.createProvider(ns, "carol-google", Vendor.Google);
    fx.awaitCondition(ns, "carol-google", "Ready", "True", "Ready");

    fx.google.oauth().revokeGrant(grant);
    long refusedBefore = fx.google.tokenRequests().get("refresh_token:invalid_grant");
    double revokedCounted = refreshCount("Google", "revoked");
    fx.operator.wake(key);

    // One reconcile: the call with the held token is refused, one refresh says invalid_grant, and that is it.
    fx.awaitCondition(ns, "carol-google", "Connected", "False", "AuthorizationRevoked");
    CalendarProvider revoked = fx.get(ns, "carol-google");
    assertThat(revoked.getStatus().getPhase()).isEqualTo(Phase.AuthorizationRequired);
    assertThat(Resources.condition(revoked, "Stalled")).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True"));
    assertThat(revoked.getStatus().getAuthorizationUrl()).startsWith(fx.google.baseUrl() + "/o/oauth2/v2/auth?");
    assertThat(revoked.getStatus().getTokenExpiryTime()).as("no usable access token").isNull();
    assertThat(fx.client().v1().events().inNamespace(ns).list().getItems())
        .anySatisfy(e -> {
          assertThat(e.getType()).isEqualTo("Warning");
          assertThat(e.getReason()).isEqualTo("AuthorizationRevoked");
        });
    assertThat(fx.google.tokenRequests().get("refresh_token:invalid_grant")).isEqualTo(refusedBefore + 1);
    assertThat(refreshCount("Google", "revoked")).isEqualTo(revokedCounted + 1);
    long tokenCalls = fx.google.tokenRequests().total();
    long apiCalls = fx.google.requests().total();

    // Three days of wake-ups (pushes, timers): each renews the consent link in time, none calls the vendor.
    String link = revoked.getStatus().getAuthorizationUrl();
    for (int i = 0; i < 24; i++) {
      fx.clock.advance(Duration.ofHours(3));
      fx.operator.wake(key);
      String previous = link;
      await().atMost(Duration.ofSeconds(30)).until(() -> !previous.equals(fx.get(ns, "carol-google").getStatus()
          .getAuthorizationUrl()));
      link = fx.get(ns, "carol-google").getStatus().getAuthorizationUrl();
    }
    assertThat(fx.google.tokenRequests().total()).isEqualTo(tokenCalls);
    assertThat(fx.google.requests().total()).isEqualTo(apiCalls);
    assertThat(fx.everythingShown(ns, "carol-google")).doesNotContain(grant, Resources.CLIENT_SECRET_VALUE);

    // The person puts a new grant into the Secret: picked up within one reconcile.
    String renewed = secret(fx.google.oauth().issueGrant(OAuthFixture.CLIENT_ID, OAuthFixture.GOOGLE_USER, GOOGLE_SCOPE));
    fx.client().secrets().inNamespace(ns).withName("carol-google").edit(s -> {
      s.getData().put("refresh-token", Base64.getEncoder().encodeToString(renewed.getBytes(StandardCharsets.UTF_8)));
      return s;
    });
    fx.awaitCondition(ns, "carol-google", "Ready", "True", "Ready");
    assertThat(fx.get(ns, "carol-google").getStatus().getAuthorizationUrl()).isNull();
    assertThat(fx.get(ns, "carol-google").getStatus().getPhase()).isEqualTo(Phase.Connected);
    assertThat(fx.secret(ns, "carol-google-calendarsync-tokens")).as("nothing to keep for Google").isNull();
    assertThat(fx.secret(ns, "carol-google").getData()).containsOnlyKeys(credentials.getData().keySet());
  }

  @Test
  void aWrongClientSecretOffersNoConsentAndItsFixIsPickedUp() {
    String ns = fx.newNamespace();
    String grant = secret(fx.google.oauth().issueGrant(OAuthFixture.CLIENT_ID, OAuthFixture.GOOGLE_USER, GOOGLE_SCOPE));
    fx.createCredentials(ns, "henry-google", Vendor.Google, grant);
    fx.client().secrets().inNamespace(ns).withName("henry-google").edit(s -> {
      s.getData().put("client-secret", Base64.getEncoder().encodeToString("mistyped".getBytes(StandardCharsets.UTF_8)));
      return s;
    });
    fx.createProvider(ns, "henry-google", Vendor.Google);

    fx.awaitCondition(ns, "henry-google", "Connected", "False", "InvalidClientCredentials");
    assertThat(fx.get(ns, "henry-google").getStatus().getAuthorizationUrl()).as("consent cannot fix a client").isNull();
    assertThat(fx.everythingShown(ns, "henry-google")).doesNotContain("mistyped");

    fx.client().secrets().inNamespace(ns).withName("henry-google").edit(s -> {
      s.getData().put("client-secret", Base64.getEncoder().encodeToString(
          Resources.CLIENT_SECRET_VALUE.getBytes(StandardCharsets.UTF_8)));
      return s;
    });
    fx.awaitCondition(ns, "henry-google", "Ready", "True", "Ready");
  }

  @Test
  void aNewGrantInThePersonsSecretDiscardsTheTokenTheOperatorKept() {
    fx.graph.oauth().setRevokePreviousRefreshToken(false);
    String ns = fx.newNamespace();
    String grant = secret(fx.graph.oauth().issueGrant(OAuthFixture.CLIENT_ID, OAuthFixture.OUTLOOK_USER, GRAPH_SCOPE));
    fx.createCredentials(ns, "dave-outlook", Vendor.Microsoft, grant);
    fx.createProvider(ns, "dave-outlook", Vendor.Microsoft);
    fx.awaitCondition(ns, "dave-outlook", "Ready", "True", "Ready");
    String rotated = keptToken(ns, "dave-outlook");

    // The person re-consents elsewhere and puts the new grant into their Secret; the old one is revoked.
    fx.graph.oauth().revokeGrant(grant);
    String renewed = secret(fx.graph.oauth().issueGrant(OAuthFixture.CLIENT_ID, OAuthFixture.OUTLOOK_USER, GRAPH_SCOPE));
    fx.client().secrets().inNamespace(ns).withName("dave-outlook").edit(s -> {
      s.getData().put("refresh-token", Base64.getEncoder().encodeToString(renewed.getBytes(StandardCharsets.UTF_8)));
      return s;
    });

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        value(fx.secret(ns, "dave-outlook-calendarsync-tokens"), "derived-from")).isEqualTo(TokenDigest.of(renewed)));
    assertThat(keptToken(ns, "dave-outlook")).isNotIn(rotated, renewed);
    fx.awaitCondition(ns, "dave-outlook", "Ready", "True", "Ready");
  }

  @Test
  void aRotatedTokenThatCannotBeSavedIsNeitherUsedNorLost() {
    fx.graph.oauth().setRevokePreviousRefreshToken(true);
    String ns = fx.newNamespace();
    String grant = secret(fx.graph.oauth().issueGrant(OAuthFixture.CLIENT_ID, OAuthFixture.OUTLOOK_USER, GRAPH_SCOPE));
    fx.createCredentials(ns, "erin-outlook", Vendor.Microsoft, grant);
    long refreshes = fx.graph.tokenRequests().get("refresh_token:ok");
    long refusedGrants = fx.graph.tokenRequests().get("refresh_token:invalid_grant");
    double unavailable = refreshCount("Microsoft", "unavailable");

    // The first rotation cannot be written: the API server refuses the token Secret's creation once.
    fx.kubernetes.failOnce("POST", "/api/v1/namespaces/" + ns + "/secrets", 403);
    fx.createProvider(ns, "erin-outlook", Vendor.Microsoft);

    fx.awaitCondition(ns, "erin-outlook", "Ready", "True", "Ready");
    assertThat(refreshCount("Microsoft", "unavailable")).isEqualTo(unavailable + 1);
    // One refresh in all: the retry saved the token it already had and used the access token that came with it.
    assertThat(fx.graph.tokenRequests().get("refresh_token:ok")).isEqualTo(refreshes + 1);
    assertThat(fx.graph.tokenRequests().get("refresh_token:invalid_grant")).isEqualTo(refusedGrants);
    assertThat(keptToken(ns, "erin-outlook")).isNotEqualTo(grant);
  }

  private String keptToken(String namespace, String provider) {
    Secret tokens = fx.secret(namespace, provider + "-calendarsync-tokens");
    assertThat(tokens).as("the operator's token Secret").isNotNull();
    String token = value(tokens, "refresh-token");
    secrets.add(token);
    return token;
  }

  /** Remembers a token the test saw, so the logs are checked for it. */
  private String secret(String token) {
    secrets.add(token);
    return token;
  }

  private static double refreshCount(String vendor, String result) {
    return Optional.ofNullable(fx.operator.registry().find("calendarsync_token_refreshes")
        .tags("vendor", vendor, "result", result).counter()).map(Counter::count).orElse(0.0);
  }
}
