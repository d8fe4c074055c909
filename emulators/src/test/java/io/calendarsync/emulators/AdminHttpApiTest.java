package io.calendarsync.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calendarsync.emulators.google.GoogleCalendarEmulator;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.microsoft.GraphEmulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The HTTP admin API, driven the way a person in the playground would, with curl-like calls. */
class AdminHttpApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Answer(int status, JsonNode body) {
    }

    private static Answer call(String method, String url, String json, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", json != null && json.startsWith("{") ? "application/json"
                        : "application/x-www-form-urlencoded");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? Json.object()
                : Json.parseObject(response.body()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void graphPlaygroundSession() throws Exception {
        MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-05T08:00:00Z"));
        try (GraphEmulator graph = GraphEmulator.start(0, clock)) {
            String admin = graph.baseUrl() + "/admin";
            String user = "dana@contoso.example";
            assertThat(call("POST", admin + "/users", "{\"email\":\"" + user + "\"}", null).status()).isEqualTo(201);
            call("POST", admin + "/clients", "{\"clientId\":\"app\",\"clientSecret\":\"pw\"}", null);
            String refreshToken = call("POST", admin + "/grants", "{\"clientId\":\"app\",\"user\":\"" + user + "\"}",
                    null).body().get("refreshToken").asText();
            String tokenUrl = graph.baseUrl() + "/common/oauth2/v2.0/token";
            String accessToken = call("POST", tokenUrl, "grant_type=refresh_token&client_id=app&client_secret=pw"
                    + "&refresh_token=" + encode(refreshToken), null).body().get("access_token").asText();

            String work = call("POST", admin + "/users/" + user + "/calendars", "{\"name\":\"Work\"}", null)
                    .body().get("id").asText();
            assertThat(call("GET", admin + "/users/" + user + "/calendars", null, null).body().get("calendars"))
                    .hasSize(2);
            String events = admin + "/users/" + user + "/calendars/" + work + "/events";
            JsonNode created = call("POST", events, "{\"subject\":\"Planning\",\"start\":{\"dateTime\":"
                    + "\"2026-01-06T09:00:00\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"2026-01-06T10:00:00\","
                    + "\"timeZone\":\"UTC\"}}", null).body();
            String eventUrl = events + "/" + created.get("id").asText();
            JsonNode edited = call("PATCH", eventUrl, "{\"subject\":\"Planning (moved)\"}", null).body();
            assertThat(edited.get("changeKey").asText()).isNotEqualTo(created.get("changeKey").asText());
            assertThat(call("GET", events, null, null).body().get("events")).hasSize(1);
            assertThat(call("DELETE", eventUrl, null, null).status()).isEqualTo(204);
            Answer gone = call("GET", eventUrl, null, null);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.body().at("/error/code").asText()).isEqualTo("ErrorItemNotFound");

            call("POST", admin + "/faults", "{\"method\":\"GET\",\"path\":\"/v1.0/me\",\"status\":503}", null);
            assertThat(call("GET", graph.baseUrl() + "/v1.0/me", null, accessToken).status()).isEqualTo(503);
            assertThat(call("GET", admin + "/faults", null, null).body().get("faults")).isEmpty();
            assertThat(call("GET", graph.baseUrl() + "/v1.0/me", null, accessToken).body().get("mail").asText())
                    .isEqualTo(user);
            JsonNode requests = call("GET", admin + "/requests", null, null).body();
            assertThat(requests.at("/byRoute/GET ~1v1.0~1me").asLong()).isEqualTo(2);
            call("DELETE", admin + "/requests", null, null);
            assertThat(call("GET", admin + "/requests", null, null).body().get("total").asLong()).isZero();

            call("POST", admin + "/clock", "{\"advanceSeconds\":3600}", null);
            assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
            assertThat(call("GET", graph.baseUrl() + "/v1.0/me", null, accessToken).status()).isEqualTo(401);
            JsonNode oauth = call("GET", admin + "/oauth", null, null).body();
            assertThat(oauth.get("unauthorized").asLong()).isEqualTo(1);
            assertThat(oauth.at("/tokenRequests/refresh_token:ok").asLong()).isEqualTo(1);

            assertThat(call("POST", admin + "/grants/revoke", "{\"refreshToken\":\"" + refreshToken + "\"}", null)
                    .status()).isEqualTo(204);
            assertThat(call("POST", tokenUrl, "grant_type=refresh_token&client_id=app&client_secret=pw"
                    + "&refresh_token=" + encode(refreshToken), null).body().get("error").asText())
                    .isEqualTo("invalid_grant");

            assertThat(call("POST", admin + "/sync-state/invalidate", "{}", null).status()).isEqualTo(204);
            assertThat(call("GET", admin + "/invitations", null, null).body().get("invitations")).isEmpty();
            assertThat(call("GET", admin + "/subscriptions", null, null).body().get("subscriptions")).isEmpty();
            assertThat(call("GET", admin + "/deliveries", null, null).body().get("deliveries")).isEmpty();
        }
    }

    @Test
    void googlePlaygroundSession() throws Exception {
        try (GoogleCalendarEmulator google = GoogleCalendarEmulator.start(0, MutableClock.system())) {
            String admin = google.baseUrl() + "/admin";
            String user = "erin@example.com";
            call("POST", admin + "/users", "{\"email\":\"" + user + "\"}", null);
            JsonNode calendars = call("GET", admin + "/users/" + user + "/calendars", null, null).body();
            assertThat(calendars.at("/calendars/0/id").asText()).isEqualTo(user);
            String events = admin + "/users/" + user + "/calendars/primary/events";
            JsonNode created = call("POST", events, "{\"id\":\"abc12345\",\"summary\":\"Visit\",\"start\":{\"dateTime\":"
                    + "\"2026-01-06T09:00:00Z\"},\"end\":{\"dateTime\":\"2026-01-06T10:00:00Z\"}}", null).body();
            assertThat(created.get("etag").asText()).startsWith("\"");
            Answer duplicate = call("POST", events, "{\"id\":\"abc12345\",\"start\":{\"dateTime\":"
                    + "\"2026-01-06T09:00:00Z\"},\"end\":{\"dateTime\":\"2026-01-06T10:00:00Z\"}}", null);
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.body().at("/error/errors/0/reason").asText()).isEqualTo("duplicate");
            assertThat(call("DELETE", events + "/abc12345", null, null).status()).isEqualTo(204);
            assertThat(call("GET", events + "/abc12345", null, null).body().get("status").asText())
                    .isEqualTo("cancelled");
            assertThat(call("GET", admin + "/channels", null, null).body().get("channels")).isEmpty();
            Answer clock = call("POST", admin + "/clock", "{\"advanceSeconds\":60}", null);
            assertThat(clock.status()).isEqualTo(200);
        }
    }
}
