package io.calendarsync.emulators.google;

import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.client.util.DateTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/** How a consumer points the official Google client at the emulator. */
final class GoogleTestSupport {

    static final String CLIENT_ID = "operator.apps.googleusercontent.com";
    static final String CLIENT_SECRET = "s3cret";
    static final String USER = "alice@example.com";
    static final NetHttpTransport TRANSPORT = new NetHttpTransport();
    static final JsonFactory JSON = GsonFactory.getDefaultInstance();

    private GoogleTestSupport() {
    }

    /** Creates the user and client and returns a refresh token for them, as consent would. */
    static String setUp(GoogleCalendarEmulator emulator) {
        emulator.calendars().createUser(USER, "Alice");
        emulator.oauth().registerClient(CLIENT_ID, CLIENT_SECRET);
        return emulator.oauth().issueGrant(CLIENT_ID, USER, "https://www.googleapis.com/auth/calendar");
    }

    static TokenResponse refresh(GoogleCalendarEmulator emulator, String refreshToken) throws IOException {
        return new RefreshTokenRequest(TRANSPORT, JSON, new GenericUrl(emulator.baseUrl() + "/token"), refreshToken)
                .setClientAuthentication(new ClientParametersAuthentication(CLIENT_ID, CLIENT_SECRET))
                .execute();
    }

    static Calendar client(GoogleCalendarEmulator emulator, Supplier<String> accessToken) {
        return new Calendar.Builder(TRANSPORT, JSON,
                request -> request.getHeaders().setAuthorization("Bearer " + accessToken.get()))
                .setRootUrl(emulator.baseUrl() + "/")
                .setServicePath("calendar/v3/")
                .setApplicationName("calendar-sync-emulator-tests")
                .build();
    }

    /** A client whose access token is refreshed a minute before it expires on the emulator's clock. */
    static Calendar client(GoogleCalendarEmulator emulator, String refreshToken, Clock clock) {
        return client(emulator, new Supplier<>() {
            private String token;
            private Instant refreshAt = Instant.MIN;

            @Override
            public synchronized String get() {
                if (!clock.instant().isBefore(refreshAt)) {
                    try {
                        TokenResponse response = refresh(emulator, refreshToken);
                        token = response.getAccessToken();
                        refreshAt = clock.instant().plusSeconds(response.getExpiresInSeconds() - 60);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return token;
            }
        });
    }

    static Event timed(String summary, String start, String end) {
        return new Event().setSummary(summary)
                .setStart(new EventDateTime().setDateTime(new DateTime(start)))
                .setEnd(new EventDateTime().setDateTime(new DateTime(end)));
    }
}
