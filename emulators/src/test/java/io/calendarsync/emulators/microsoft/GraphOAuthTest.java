package io.calendarsync.emulators.microsoft;

import static io.calendarsync.emulators.microsoft.GraphTestSupport.CLIENT_ID;
import static io.calendarsync.emulators.microsoft.GraphTestSupport.CLIENT_SECRET;
import static io.calendarsync.emulators.microsoft.GraphTestSupport.USER;
import static io.calendarsync.emulators.microsoft.GraphTestSupport.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
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

class GraphOAuthTest {

    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-05T08:00:00Z"));
    private GraphEmulator emulator;
    private String refreshToken;

    @BeforeEach
    void start() {
        emulator = GraphEmulator.start(0, clock);
        refreshToken = GraphTestSupport.setUp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void everyRefreshRotatesTheRefreshToken() {
        GraphTestSupport.TokenAnswer first = GraphTestSupport.refresh(emulator, refreshToken);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(first.body().get("expires_in").asInt()).isEqualTo(3599);
        assertThat(first.body().get("ext_expires_in").asInt()).isEqualTo(3599);
        assertThat(first.body().get("scope").asText()).isEqualTo(GraphTestSupport.SCOPE);
        assertThat(first.refreshToken()).isNotBlank().isNotEqualTo(refreshToken);
        assertThat(GraphTestSupport.refresh(emulator, refreshToken).status())
                .as("by default the previous refresh token keeps working, as in Entra ID").isEqualTo(200);
    }

    @Test
    void optionallyTheSupersededRefreshTokenStopsWorking() {
        emulator.oauth().setRevokePreviousRefreshToken(true);
        String newest = GraphTestSupport.refresh(emulator, refreshToken).refreshToken();

        GraphTestSupport.TokenAnswer stale = GraphTestSupport.refresh(emulator, refreshToken);

        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(stale.body().get("error_codes").get(0).asInt()).isEqualTo(70000);
        assertThat(stale.body().get("error_description").asText()).startsWith("AADSTS70000:");
        assertThat(stale.body().get("correlation_id").asText()).isNotBlank();
        assertThat(GraphTestSupport.refresh(emulator, newest).status()).isEqualTo(200);
        assertThat(emulator.tokenRequests().get("refresh_token:ok")).isEqualTo(2);
        assertThat(emulator.tokenRequests().get("refresh_token:invalid_grant")).isEqualTo(1);
    }

    @Test
    void wrongSecretIsInvalidClient() {
        GraphTestSupport.TokenAnswer answer = GraphTestSupport.token(emulator, "grant_type=refresh_token&client_id="
                + encode(CLIENT_ID) + "&client_secret=wrong&refresh_token=" + encode(refreshToken));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("error").asText()).isEqualTo("invalid_client");
        assertThat(answer.body().get("error_codes").get(0).asInt()).isEqualTo(7000215);
    }

    @Test
    void anExpiredAccessTokenIs401AndCounted() {
        String accessToken = GraphTestSupport.refresh(emulator, refreshToken).accessToken();
        GraphServiceClient graph = GraphTestSupport.client(emulator, () -> accessToken);
        graph.me().events().get();

        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> graph.me().events().get()).isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(401);
            assertThat(e.getError().getCode()).isEqualTo("InvalidAuthenticationToken");
        });
        assertThat(emulator.unauthorizedCount()).isEqualTo(1);
    }

    @Test
    void consentRedirectsWithACodeThatRedeemsOnce() throws Exception {
        emulator.oauth().setDefaultUser(USER);
        String redirectUri = "https://receiver.example/oauth/microsoft";
        URI consent = URI.create(emulator.baseUrl() + "/common/oauth2/v2.0/authorize?client_id=" + CLIENT_ID
                + "&response_type=code&redirect_uri=" + encode(redirectUri) + "&response_mode=query&scope="
                + encode(GraphTestSupport.SCOPE) + "&state=xyz");

        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(consent).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(302);
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        Map<String, List<String>> query = Request.parseQuery(location.getRawQuery());
        assertThat(query.get("state")).containsExactly("xyz");
        String form = "grant_type=authorization_code&client_id=" + encode(CLIENT_ID) + "&client_secret="
                + encode(CLIENT_SECRET) + "&redirect_uri=" + encode(redirectUri) + "&code="
                + encode(query.get("code").get(0));
        GraphTestSupport.TokenAnswer redeemed = GraphTestSupport.token(emulator, form);
        assertThat(redeemed.status()).isEqualTo(200);
        assertThat(redeemed.refreshToken()).isNotBlank();
        assertThat(GraphTestSupport.token(emulator, form).status()).isEqualTo(400);
    }
}
