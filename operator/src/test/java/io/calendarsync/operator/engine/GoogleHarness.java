package io.calendarsync.operator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.http.FaultInjector;
import io.calendarsync.operator.oauth.AccessTokens;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.VendorConnector;
import io.calendarsync.operator.vendor.google.GoogleEmulatorFixture;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Google Calendar: the emulator and a person using the Google Calendar app. */
final class GoogleHarness implements VendorHarness {

  final GoogleEmulatorFixture google = GoogleEmulatorFixture.start();

  @Override
  public Vendor vendor() {
    return Vendor.Google;
  }

  @Override
  public VendorConnector connector() {
    return google.connector;
  }

  @Override
  public AccessTokens tokens() {
    return google.tokens;
  }

  @Override
  public MutableClock clock() {
    return google.clock;
  }

  @Override
  public SyncTarget target() {
    return google.target("alice-google", google.refreshToken, "primary");
  }

  @Override
  public List<ObjectNode> events() {
    return google.emulator.calendars().events(GoogleEmulatorFixture.USER, "primary");
  }

  @Override
  public String title(ObjectNode event) {
    return event.path("summary").asText();
  }

  @Override
  public Instant start(ObjectNode event) {
    return OffsetDateTime.parse(event.at("/start/dateTime").asText()).toInstant();
  }

  @Override
  public List<LocalDate> allDayDates(ObjectNode event) {
    return List.of(LocalDate.parse(event.at("/start/date").asText()), LocalDate.parse(event.at("/end/date").asText()));
  }

  @Override
  public String ownerTag(ObjectNode event) {
    return event.at("/extendedProperties/private/calendarsync-entry").textValue();
  }

  @Override
  public boolean tentative(ObjectNode event) {
    return event.path("status").asText().equals("tentative");
  }

  @Override
  public boolean isPrivate(ObjectNode event) {
    return event.path("visibility").asText().equals("private");
  }

  @Override
  public void editTitle(String eventId, String title) {
    google.emulator.calendars().updateEvent(GoogleEmulatorFixture.USER, "primary", eventId,
        JsonNodeFactory.instance.objectNode().put("summary", title));
  }

  @Override
  public void delete(String eventId) {
    google.emulator.calendars().deleteEvent(GoogleEmulatorFixture.USER, "primary", eventId);
  }

  @Override
  public void createAllDay(String title, LocalDate start, LocalDate endExclusive) {
    ObjectNode event = JsonNodeFactory.instance.objectNode().put("summary", title);
    event.putObject("start").put("date", start.toString());
    event.putObject("end").put("date", endExclusive.toString());
    google.emulator.calendars().createEvent(GoogleEmulatorFixture.USER, "primary", event);
  }

  @Override
  public List<ObjectNode> occurrences(Instant from, Instant to) {
    return google.emulator.calendars().occurrences(GoogleEmulatorFixture.USER, "primary", from, to);
  }

  @Override
  public void moveOccurrence(ObjectNode occurrence, Instant start, Instant end) {
    ObjectNode times = JsonNodeFactory.instance.objectNode();
    times.putObject("start").put("dateTime", start.toString());
    times.putObject("end").put("dateTime", end.toString());
    google.emulator.calendars().updateEvent(GoogleEmulatorFixture.USER, "primary", occurrence.path("id").asText(),
        times);
  }

  @Override
  public FaultInjector faults() {
    return google.emulator.faults();
  }

  @Override
  public void expireSyncState() {
    google.emulator.calendars().invalidateSyncState();
  }

  @Override
  public long writes() {
    return google.emulator.requests().snapshot().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("GET") && e.getKey().contains("/calendar/v3/"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  @Override
  public void close() {
    google.close();
  }
}
