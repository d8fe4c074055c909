package io.calendarsync.emulators.google;

import static io.calendarsync.emulators.google.GoogleTestSupport.USER;
import static io.calendarsync.emulators.google.GoogleTestSupport.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleSyncTest {

    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-05T08:00:00Z"));
    private GoogleCalendarEmulator emulator;
    private Calendar calendar;

    @BeforeEach
    void start() throws Exception {
        emulator = GoogleCalendarEmulator.start(0, clock);
        calendar = GoogleTestSupport.client(emulator, GoogleTestSupport.setUp(emulator), clock);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void pagesAFullSyncThenReturnsOnlyChangesIncludingDeletions() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(calendar.events().insert("primary",
                    timed("e" + i, "2026-01-06T0" + i + ":00:00Z", "2026-01-06T0" + i + ":30:00Z")).execute().getId());
        }

        List<Event> full = new ArrayList<>();
        Events page = calendar.events().list("primary").setMaxResults(2).execute();
        int pages = 1;
        while (true) {
            full.addAll(page.getItems());
            if (page.getNextPageToken() == null) {
                break;
            }
            assertThat(page.getNextSyncToken()).isNull();
            page = calendar.events().list("primary").setMaxResults(2).setPageToken(page.getNextPageToken()).execute();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(full).extracting(Event::getId).containsExactlyElementsOf(ids);
        String syncToken = page.getNextSyncToken();
        assertThat(syncToken).isNotNull();

        calendar.events().patch("primary", ids.get(1), new Event().setSummary("changed")).execute();
        calendar.events().delete("primary", ids.get(2)).execute();
        emulator.calendars().updateEvent(USER, "primary", ids.get(3), Json.parseObject("{\"summary\":\"in the app\"}"));
        String added = calendar.events().insert("primary",
                timed("new", "2026-01-07T09:00:00Z", "2026-01-07T10:00:00Z")).execute().getId();

        Events changes = calendar.events().list("primary").setSyncToken(syncToken).execute();

        assertThat(changes.getItems()).extracting(Event::getId).containsExactly(ids.get(1), ids.get(2), ids.get(3), added);
        assertThat(changes.getItems().get(1).getStatus()).isEqualTo("cancelled");
        assertThat(changes.getItems().get(2).getSummary()).isEqualTo("in the app");
        assertThat(changes.getNextSyncToken()).isNotNull().isNotEqualTo(syncToken);
        assertThat(calendar.events().list("primary").setSyncToken(changes.getNextSyncToken()).execute().getItems())
                .isEmpty();
    }

    @Test
    void invalidatedSyncTokenSurfacesAs410FullSyncRequired() throws Exception {
        String syncToken = calendar.events().list("primary").execute().getNextSyncToken();

        emulator.calendars().invalidateSyncState();

        assertThatThrownBy(() -> calendar.events().list("primary").setSyncToken(syncToken).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(410);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("fullSyncRequired");
                });
    }

    @Test
    void syncTokensExpireWithTheClock() throws Exception {
        emulator.calendars().setSyncTokenMaxAge(Duration.ofDays(7));
        String syncToken = calendar.events().list("primary").execute().getNextSyncToken();
        clock.advance(Duration.ofDays(6));
        String fresher = calendar.events().list("primary").setSyncToken(syncToken).execute().getNextSyncToken();

        clock.advance(Duration.ofDays(2));

        assertThatThrownBy(() -> calendar.events().list("primary").setSyncToken(syncToken).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(410));
        assertThat(calendar.events().list("primary").setSyncToken(fresher).execute().getItems()).isEmpty();
    }

    @Test
    void syncTokenCannotBeCombinedWithATimeWindow() throws Exception {
        String syncToken = calendar.events().list("primary").execute().getNextSyncToken();

        assertThatThrownBy(() -> calendar.events().list("primary").setSyncToken(syncToken)
                .setTimeMin(new com.google.api.client.util.DateTime("2026-01-01T00:00:00Z")).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }
}
