package io.calendarsync.emulators.google;

import static io.calendarsync.emulators.google.GoogleTestSupport.CLIENT_ID;
import static io.calendarsync.emulators.google.GoogleTestSupport.CLIENT_SECRET;
import static io.calendarsync.emulators.google.GoogleTestSupport.JSON;
import static io.calendarsync.emulators.google.GoogleTestSupport.TRANSPORT;
import static io.calendarsync.emulators.google.GoogleTestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.api.services.calendar.Calendar;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.http.Request;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleOAuthTest {

    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-05T08:00:00Z"));
    private GoogleCalendarEmulator emulator;
    private String refreshToken;

    @BeforeEach
    void start() {
        emulator = GoogleCalendarEmulator.start(0, clock);
        refreshToken = GoogleTestSupport.setUp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void refreshesUntilTheGrantIsRevoked() throws Exception {
        TokenResponse token = GoogleTestSupport.refresh(emulator, refreshToken);
        assertThat(token.getExpiresInSeconds()).isEqualTo(3599);
        assertThat(token.getTokenType()).isEqualTo("Bearer");
        assertThat(token.getRefreshToken()).as("Google does not rotate refresh tokens").isNull();
        Calendar calendar = GoogleTestSupport.client(emulator, token::getAccessToken);
        assertThat(calendar.events().list("primary").execute().getItems()).isEmpty();

        emulator.oauth().revokeGrant(refreshToken);

        assertThatThrownBy(() -> GoogleTestSupport.refresh(emulator, refreshToken))
                .isInstanceOfSatisfying(TokenResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getError()).isEqualTo("invalid_grant");
                    assertThat(e.getDetails().getErrorDescription()).isEqualTo("Token has been expired or revoked.");
                });
        assertThatThrownBy(() -> calendar.events().list("primary").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(401));
        assertThat(emulator.tokenRequests().get("refresh_token:ok")).isEqualTo(1);
        assertThat(emulator.tokenRequests().get("refresh_token:invalid_grant")).isEqualTo(1);
    }

    @Test
    void expiredAccessTokensAre401AndCounted() throws Exception {
        TokenResponse token = GoogleTestSupport.refresh(emulator, refreshToken);
        Calendar calendar = GoogleTestSupport.client(emulator, token::getAccessToken);
        clock.advance(Duration.ofSeconds(3598));
        calendar.events().list("primary").execute();
        assertThat(emulator.unauthorizedCount()).isZero();

        clock.advance(Duration.ofSeconds(2));

        assertThatThrownBy(() -> calendar.events().list("primary").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getDetails().get("status")).isEqualTo("UNAUTHENTICATED");
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("authError");
                    assertThat(e.getDetails().getErrors().get(0).getLocation()).isEqualTo("Authorization");
                });
        assertThat(emulator.unauthorizedCount()).isEqualTo(1);
    }

    /**
     * Uses the Apache transport: HttpURLConnection (NetHttpTransport) drops the body of a 401 answer to a streamed
     * POST, so with it a consumer sees the status only, against the real service as well.
     */
    @Test
    void unknownClientAndWrongSecretAreInvalidClient() {
        ApacheHttpTransport apache = new ApacheHttpTransport();
        assertThatThrownBy(() -> new RefreshTokenRequest(apache, JSON,
                new GenericUrl(emulator.baseUrl() + "/token"), refreshToken)
                .setClientAuthentication(new ClientParametersAuthentication(CLIENT_ID, "wrong")).execute())
                .isInstanceOfSatisfying(TokenResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getDetails().getError()).isEqualTo("invalid_client");
                });
        assertThatThrownBy(() -> new RefreshTokenRequest(apache, JSON,
                new GenericUrl(emulator.baseUrl() + "/token"), refreshToken)
                .setClientAuthentication(new ClientParametersAuthentication("nobody", "x")).execute())
                .isInstanceOfSatisfying(TokenResponseException.class,
                        e -> assertThat(e.getDetails().getErrorDescription()).isEqualTo("The OAuth client was not found."));
    }

    @Test
    void consentRedirectsWithASingleUseCode() throws Exception {
        emulator.oauth().setDefaultUser(USER);
        String redirectUri = "https://receiver.example/oauth/callback";
        String consentUrl = emulator.baseUrl() + "/o/oauth2/v2/auth?client_id=" + CLIENT_ID
                + "&redirect_uri=" + redirectUri + "&response_type=code&access_type=offline&prompt=consent"
                + "&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fcalendar&state=signed-state";

        HttpResponse<Void> consent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(consentUrl))
                .build(), HttpResponse.BodyHandlers.discarding());

        assertThat(consent.statusCode()).isEqualTo(302);
        URI location = URI.create(consent.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(redirectUri + "?code=");
        Map<String, List<String>> params = Request.parseQuery(location.getRawQuery());
        assertThat(params.get("state")).containsExactly("signed-state");
        AuthorizationCodeTokenRequest exchange = new AuthorizationCodeTokenRequest(TRANSPORT, JSON,
                new GenericUrl(emulator.baseUrl() + "/token"), params.get("code").get(0))
                .setRedirectUri(redirectUri)
                .setClientAuthentication(new ClientParametersAuthentication(CLIENT_ID, CLIENT_SECRET));

        TokenResponse token = exchange.execute();

        assertThat(token.getRefreshToken()).isNotBlank();
        assertThat(token.getScope()).isEqualTo("https://www.googleapis.com/auth/calendar");
        GoogleTestSupport.client(emulator, token::getAccessToken).events().list("primary").execute();
        assertThatThrownBy(exchange::execute).isInstanceOfSatisfying(TokenResponseException.class,
                e -> assertThat(e.getDetails().getError()).isEqualTo("invalid_grant"));
    }
}
