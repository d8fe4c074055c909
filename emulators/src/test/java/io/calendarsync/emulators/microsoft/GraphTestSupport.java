package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import io.calendarsync.emulators.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/** How a consumer points the Graph SDK at the emulator, and gets tokens from its identity endpoint. */
final class GraphTestSupport {

    static final String CLIENT_ID = "0b6f2a9c-0000-4000-8000-00000000c11e";
    static final String CLIENT_SECRET = "s3cret~value";
    static final String USER = "bob@contoso.example";
    static final String SCOPE = "offline_access Calendars.ReadWrite";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The token endpoint's answer, status included so tests can look at failures. */
    record TokenAnswer(int status, JsonNode body) {
        String accessToken() {
            return body.path("access_token").asText();
        }

        String refreshToken() {
            return body.path("refresh_token").asText();
        }
    }

    private GraphTestSupport() {
    }

    static String setUp(GraphEmulator emulator) {
        emulator.calendars().createUser(USER, "Bob");
        emulator.oauth().registerClient(CLIENT_ID, CLIENT_SECRET);
        return emulator.oauth().issueGrant(CLIENT_ID, USER, SCOPE);
    }

    static TokenAnswer token(GraphEmulator emulator, String form) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(emulator.baseUrl() + "/" + GraphEmulator.TENANT_ID + "/oauth2/v2.0/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return new TokenAnswer(response.statusCode(), Json.parseObject(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static TokenAnswer refresh(GraphEmulator emulator, String refreshToken) {
        return token(emulator, "grant_type=refresh_token&client_id=" + encode(CLIENT_ID) + "&client_secret="
                + encode(CLIENT_SECRET) + "&scope=" + encode(SCOPE) + "&refresh_token=" + encode(refreshToken));
    }

    static GraphServiceClient client(GraphEmulator emulator, Supplier<String> accessToken) {
        AuthenticationProvider authentication = (request, context) ->
                request.headers.add("Authorization", "Bearer " + accessToken.get());
        GraphServiceClient client = new GraphServiceClient(authentication);
        client.getRequestAdapter().setBaseUrl(emulator.baseUrl() + "/v1.0");
        return client;
    }

    /** A client that refreshes a minute before expiry on the emulator's clock and keeps the newest refresh token. */
    static GraphServiceClient client(GraphEmulator emulator, String refreshToken, Clock clock) {
        return client(emulator, new Supplier<>() {
            private String refresh = refreshToken;
            private String access;
            private Instant refreshAt = Instant.MIN;

            @Override
            public synchronized String get() {
                if (!clock.instant().isBefore(refreshAt)) {
                    TokenAnswer answer = refresh(emulator, refresh);
                    access = answer.accessToken();
                    refresh = answer.refreshToken();
                    refreshAt = clock.instant().plusSeconds(answer.body().path("expires_in").asLong() - 60);
                }
                return access;
            }
        });
    }

    static Event event(String subject, String start, String end, String timeZone) {
        Event event = new Event();
        event.setSubject(subject);
        event.setStart(time(start, timeZone));
        event.setEnd(time(end, timeZone));
        return event;
    }

    static DateTimeTimeZone time(String dateTime, String timeZone) {
        DateTimeTimeZone time = new DateTimeTimeZone();
        time.setDateTime(dateTime);
        time.setTimeZone(timeZone);
        return time;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
