package io.calendarsync.emulators.google;

import static io.calendarsync.emulators.google.GoogleTestSupport.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.calendar.Calendar;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.http.Fault;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleFaultsTest {

    private static final String EVENTS = "/calendar/v3/calendars/[^/]+/events";

    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-05T08:00:00Z"));
    private GoogleCalendarEmulator emulator;
    private Calendar calendar;

    @BeforeEach
    void start() {
        emulator = GoogleCalendarEmulator.start(0, clock);
        calendar = GoogleTestSupport.client(emulator, GoogleTestSupport.setUp(emulator), clock);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void rateLimitFaultsAreGoogleShaped() throws Exception {
        emulator.faults().add(Fault.status(403).withCode("rateLimitExceeded", "Rate Limit Exceeded").on("GET", EVENTS));
        emulator.faults().add(Fault.status(429).retryAfter(7).on("GET", EVENTS));

        assertThatThrownBy(() -> calendar.events().list("primary").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("rateLimitExceeded");
                    assertThat(e.getDetails().getErrors().get(0).getDomain()).isEqualTo("usageLimits");
                });
        assertThatThrownBy(() -> calendar.events().list("primary").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getHeaders().getRetryAfter()).isEqualTo("7");
                });
        assertThat(calendar.events().list("primary").execute().getItems()).isEmpty();
        assertThat(emulator.faults().pending()).isEmpty();
        assertThat(emulator.requests().get("GET /calendar/v3/calendars/{calendarId}/events")).isEqualTo(3);
    }

    @Test
    void faultsMatchByMethodAndPathOrTemplateAndCount() throws Exception {
        emulator.faults().add(Fault.status(503).on("POST", "/calendar/v3/calendars/\\{calendarId\\}/events").times(2));

        calendar.events().list("primary").execute();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> calendar.events().insert("primary",
                    timed("x", "2026-01-06T09:00:00Z", "2026-01-06T10:00:00Z")).execute())
                    .isInstanceOfSatisfying(GoogleJsonResponseException.class,
                            e -> assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("backendError"));
        }
        assertThat(calendar.events().insert("primary", timed("x", "2026-01-06T09:00:00Z", "2026-01-06T10:00:00Z"))
                .execute().getId()).isNotBlank();
    }

    @Test
    void aFaultCanForceA410OnSyncState() throws Exception {
        String syncToken = calendar.events().list("primary").execute().getNextSyncToken();
        emulator.faults().add(Fault.status(410).withCode("fullSyncRequired", "Sync token is no longer valid.")
                .on("GET", EVENTS));

        assertThatThrownBy(() -> calendar.events().list("primary").setSyncToken(syncToken).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class,
                        e -> assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("fullSyncRequired"));
    }

    @Test
    void delayFaultsAnswerSlowly() throws Exception {
        emulator.faults().add(Fault.delay(Duration.ofMillis(300)).on("GET", EVENTS));
        emulator.faults().add(Fault.status(503).delayed(Duration.ofMillis(200)).on("GET", EVENTS));

        long started = System.nanoTime();
        calendar.events().list("primary").execute();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        long failing = System.nanoTime();
        assertThatThrownBy(() -> calendar.events().list("primary").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
        assertThat(Duration.ofNanos(System.nanoTime() - failing)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
