package io.calendarsync.operator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.util.TimeZone;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.http.FaultInjector;
import io.calendarsync.operator.oauth.AccessTokens;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.VendorConnector;
import io.calendarsync.operator.vendor.microsoft.GraphEmulatorFixture;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Outlook through Microsoft Graph: the emulator and a person using Outlook. */
final class OutlookHarness implements VendorHarness {

  final GraphEmulatorFixture graph = GraphEmulatorFixture.start();

  @Override
  public Vendor vendor() {
    return Vendor.Microsoft;
  }

  @Override
  public VendorConnector connector() {
    return graph.connector;
  }

  @Override
  public AccessTokens tokens() {
    return graph.tokens;
  }

  @Override
  public MutableClock clock() {
    return graph.clock;
  }

  @Override
  public SyncTarget target() {
    return graph.target("calendar");
  }

  @Override
  public List<ObjectNode> events() {
    return graph.emulator.calendars().events(GraphEmulatorFixture.USER, "calendar");
  }

  @Override
  public String title(ObjectNode event) {
    return event.path("subject").asText();
  }

  @Override
  public Instant start(ObjectNode event) {
    String windowsZone = event.at("/start/timeZone").asText();
    ZoneId zone = "UTC".equals(windowsZone) ? ZoneId.of("UTC")
        : ZoneId.of(TimeZone.getIDForWindowsID(windowsZone, null));
    return LocalDateTime.parse(event.at("/start/dateTime").asText()).atZone(zone).toInstant();
  }

  @Override
  public List<LocalDate> allDayDates(ObjectNode event) {
    return List.of(LocalDateTime.parse(event.at("/start/dateTime").asText()).toLocalDate(),
        LocalDateTime.parse(event.at("/end/dateTime").asText()).toLocalDate());
  }

  @Override
  public String ownerTag(ObjectNode event) {
    for (var property : event.path("singleValueExtendedProperties")) {
      if (property.path("id").asText().endsWith("Name calendarsync-entry")) {
        return property.path("value").asText();
      }
    }
    return null;
  }

  @Override
  public boolean tentative(ObjectNode event) {
    return event.path("showAs").asText().equals("tentative");
  }

  @Override
  public boolean isPrivate(ObjectNode event) {
    return event.path("sensitivity").asText().equals("private");
  }

  @Override
  public void editTitle(String eventId, String title) {
    graph.emulator.calendars().updateEvent(GraphEmulatorFixture.USER, "calendar", eventId,
        JsonNodeFactory.instance.objectNode().put("subject", title));
  }

  @Override
  public void delete(String eventId) {
    graph.emulator.calendars().deleteEvent(GraphEmulatorFixture.USER, "calendar", eventId);
  }

  @Override
  public void createAllDay(String title, LocalDate start, LocalDate endExclusive) {
    ObjectNode event = JsonNodeFactory.instance.objectNode().put("subject", title).put("isAllDay", true);
    event.putObject("start").put("dateTime", start + "T00:00:00.0000000").put("timeZone", "UTC");
    event.putObject("end").put("dateTime", endExclusive + "T00:00:00.0000000").put("timeZone", "UTC");
    graph.emulator.calendars().createEvent(GraphEmulatorFixture.USER, "calendar", event);
  }

  @Override
  public List<ObjectNode> occurrences(Instant from, Instant to) {
    return graph.emulator.calendars().occurrences(GraphEmulatorFixture.USER, "calendar", from, to);
  }

  @Override
  public void moveOccurrence(ObjectNode occurrence, Instant start, Instant end) {
    ObjectNode times = JsonNodeFactory.instance.objectNode();
    times.putObject("start").put("dateTime", LocalDateTime.ofInstant(start, ZoneOffset.UTC).toString())
        .put("timeZone", "UTC");
    times.putObject("end").put("dateTime", LocalDateTime.ofInstant(end, ZoneOffset.UTC).toString())
        .put("timeZone", "UTC");
    graph.emulator.calendars().updateEvent(GraphEmulatorFixture.USER, "calendar", occurrence.path("id").asText(),
        times);
  }

  @Override
  public FaultInjector faults() {
    return graph.emulator.faults();
  }

  @Override
  public void expireSyncState() {
    graph.emulator.calendars().invalidateSyncState();
  }

  @Override
  public long writes() {
    return graph.emulator.requests().snapshot().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("GET") && e.getKey().contains("/v1.0/")
            && !e.getKey().contains("subscriptions"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  @Override
  public void close() {
    graph.close();
  }
}
