package io.calendarsync.operator.vendor.google;

import io.calendarsync.emulators.http.Json;
import io.calendarsync.operator.vendor.ChangeSet;
import io.calendarsync.operator.vendor.ExternalCalendar;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.TimeWindow;
import io.calendarsync.operator.vendor.VendorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static io.calendarsync.operator.vendor.VendorException.Kind.CURSOR_EXPIRED;
import static io.calendarsync.operator.vendor.google.GoogleEmulatorFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Full listings of the window and incremental sync from Google's sync tokens. */
class GoogleChangesTest {

  private static final String LIST = "GET /calendar/v3/calendars/{calendarId}/events";
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));

  private GoogleEmulatorFixture google;

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void listsTheWindowThenReportsChangesDeletionsAndOurOwnWrites() throws Exception {
    google = GoogleEmulatorFixture.start();
    ExternalCalendar calendar = google.open();
    String dentist = userEvent("Dentist", "2026-01-07T15:00:00Z", "2026-01-07T16:00:00Z");
    String gym = userEvent("Gym", "2026-01-08T18:00:00Z", "2026-01-08T19:00:00Z");
    userEvent("Holiday flight", "2026-06-01T08:00:00Z", "2026-06-01T10:00:00Z");
    ExternalEvent ours = calendar.create("acme/e1#1",
        Contents.timed("Site visit", "2026-01-07T08:00:00Z", "2026-01-07T09:30:00Z"), "acme/e1", Optional.empty());

    ChangeSet full = calendar.changesSince(Optional.empty(), WINDOW);

    assertThat(full.fullListing()).isTrue();
    assertThat(full.changed()).extracting(ExternalEvent::id).containsExactlyInAnyOrder(dentist, gym, ours.id());
    assertThat(full.nextCursor()).isNotBlank();

    google.emulator.calendars().updateEvent(USER, "primary", dentist, Json.parseObject("{\"summary\":\"Dentist 2\"}"));
    google.emulator.calendars().deleteEvent(USER, "primary", gym);
    ExternalEvent ourUpdate = calendar.update(ours.id(), ours.version(),
        Contents.timed("Site visit", "2026-01-07T10:00:00Z", "2026-01-07T11:30:00Z"), "acme/e1");

    ChangeSet changes = calendar.changesSince(Optional.of(full.nextCursor()), WINDOW);

    assertThat(changes.fullListing()).isFalse();
    assertThat(changes.changed()).extracting(ExternalEvent::id).containsExactly(dentist, gym, ours.id());
    assertThat(changes.changed().get(0).content().title()).isEqualTo("Dentist 2");
    assertThat(changes.changed().get(1).cancelled()).isTrue();
    assertThat(changes.changed().get(2)).as("our write comes back with the version we got: an echo")
        .isEqualTo(ourUpdate);
    assertThat(changes.nextCursor()).isNotEqualTo(full.nextCursor());
    assertThat(calendar.changesSince(Optional.of(changes.nextCursor()), WINDOW).changed()).isEmpty();
  }

  @Test
  void pagesThroughLongListings() throws Exception {
    google = GoogleEmulatorFixture.start(2);
    ExternalCalendar calendar = google.open();
    for (int day = 10; day < 15; day++) {
      userEvent("Visit " + day, "2026-01-" + day + "T09:00:00Z", "2026-01-" + day + "T10:00:00Z");
    }

    ChangeSet full = calendar.changesSince(Optional.empty(), WINDOW);
    for (int day = 20; day < 23; day++) {
      userEvent("Visit " + day, "2026-01-" + day + "T09:00:00Z", "2026-01-" + day + "T10:00:00Z");
    }
    ChangeSet changes = calendar.changesSince(Optional.of(full.nextCursor()), WINDOW);

    assertThat(full.changed()).hasSize(5);
    assertThat(changes.changed()).hasSize(3);
    assertThat(google.emulator.requests().get(LIST)).isEqualTo(3 + 2);
  }

  @Test
  void anExpiredSyncTokenIsCursorExpired() throws Exception {
    google = GoogleEmulatorFixture.start();
    ExternalCalendar calendar = google.open();
    String cursor = calendar.changesSince(Optional.empty(), WINDOW).nextCursor();

    google.emulator.calendars().invalidateSyncState();

    assertThatThrownBy(() -> calendar.changesSince(Optional.of(cursor), WINDOW))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(CURSOR_EXPIRED));
  }

  /** The emulator takes an event Google would never produce: an exception that names no original start. */
  @Test
  void anEventThatCannotBeMappedIsLeftOutOfTheListing() throws Exception {
    google = GoogleEmulatorFixture.start();
    ExternalCalendar calendar = google.open();
    String dentist = userEvent("Dentist", "2026-01-07T15:00:00Z", "2026-01-07T16:00:00Z");
    google.emulator.calendars().createEvent(USER, "primary", Json.parseObject("{\"recurringEventId\":\"nosuchseries\","
        + "\"start\":{\"dateTime\":\"2026-01-08T15:00:00Z\"},\"end\":{\"dateTime\":\"2026-01-08T16:00:00Z\"}}"));

    ChangeSet full = calendar.changesSince(Optional.empty(), WINDOW);

    assertThat(full.changed()).extracting(ExternalEvent::id).containsExactly(dentist);
  }

  private String userEvent(String title, String start, String end) {
    return google.emulator.calendars().createEvent(USER, "primary", Json.parseObject("{\"summary\":\"" + title + "\","
        + "\"start\":{\"dateTime\":\"" + start + "\"},\"end\":{\"dateTime\":\"" + end + "\"}}")).get("id").asText();
  }
}
