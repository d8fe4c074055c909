package io.calendarsync.operator.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.VendorEmulator;
import io.calendarsync.emulators.calendar.CalendarAdmin;
import io.calendarsync.emulators.google.GoogleCalendarEmulator;
import io.calendarsync.emulators.microsoft.GraphEmulator;
import io.calendarsync.operator.config.VendorEndpoints;
import io.calendarsync.operator.sync.ProviderCredentials;
import io.calendarsync.operator.vendor.VendorConnector;
import io.calendarsync.operator.vendor.google.GoogleConnector;
import io.calendarsync.operator.vendor.http.VendorCalls;
import io.calendarsync.operator.vendor.microsoft.MicrosoftConnector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One vendor as the sync benchmark drives it: its emulator on the wall clock with a user and a grant, events as that
 * vendor's app makes them, the requests it counted, and the operator's connector to it.
 */
final class BenchVendor implements AutoCloseable {

  private static final String CLIENT = "bench-client";
  private static final String SECRET = "bench-secret";
  private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  final Vendor vendor;
  final String user;
  final String calendarId;
  private final VendorEmulator emulator;
  private final CalendarAdmin calendars;
  private final String apiPath;
  private final String refreshToken;

  private BenchVendor(Vendor vendor, String user, String calendarId, VendorEmulator emulator, CalendarAdmin calendars,
      String apiPath, String scope) {
    this.vendor = vendor;
    this.user = user;
    this.calendarId = calendarId;
    this.emulator = emulator;
    this.calendars = calendars;
    this.apiPath = apiPath;
    emulator.oauth().registerClient(CLIENT, SECRET);
    calendars.createUser(user, "Alice");
    this.refreshToken = emulator.oauth().issueGrant(CLIENT, user, scope);
  }

  static BenchVendor google() {
    GoogleCalendarEmulator google = GoogleCalendarEmulator.start(0, MutableClock.system());
    return new BenchVendor(Vendor.Google, "alice@example.com", "primary", google, google.calendars(),
        "/calendar/v3/", "https://www.googleapis.com/auth/calendar");
  }

  static BenchVendor microsoft() {
    GraphEmulator graph = GraphEmulator.start(0, MutableClock.system());
    return new BenchVendor(Vendor.Microsoft, "alice@contoso.example", "calendar", graph, graph.calendars(), "/v1.0/",
        "offline_access https://graph.microsoft.com/Calendars.ReadWrite");
  }

  VendorEmulator emulator() {
    return emulator;
  }

  VendorEndpoints endpoints() {
    return vendor == Vendor.Google
        ? VendorEndpoints.emulated(emulator.baseUrl(), "http://127.0.0.1:9")
        : VendorEndpoints.emulated("http://127.0.0.1:9", emulator.baseUrl());
  }

  VendorConnector connector(VendorCalls calls, Clock clock) {
    return vendor == Vendor.Google
        ? new GoogleConnector(endpoints(), calls, clock)
        : new MicrosoftConnector(endpoints(), calls, clock);
  }

  ProviderCredentials credentials() {
    return new ProviderCredentials(CLIENT, SECRET, Optional.of(refreshToken),
        vendor == Vendor.Microsoft ? Optional.of(GraphEmulator.TENANT_ID) : Optional.empty(), "1");
  }

  /** A half-hour event made in the calendar app. */
  void createEvent(String title, Instant start) {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    Instant end = start.plus(Duration.ofMinutes(30));
    if (vendor == Vendor.Google) {
      event.put("summary", title);
      event.putObject("start").put("dateTime", start.toString()).put("timeZone", "UTC");
      event.putObject("end").put("dateTime", end.toString()).put("timeZone", "UTC");
    } else {
      event.put("subject", title);
      event.putObject("start").put("dateTime", GRAPH_TIME.format(start)).put("timeZone", "UTC");
      event.putObject("end").put("dateTime", GRAPH_TIME.format(end)).put("timeZone", "UTC");
    }
    calendars.createEvent(user, calendarId, event);
  }

  /** The title of the {@code index}-th stored event, changed in the calendar app. */
  void editTitle(int index, String title) {
    ObjectNode event = calendars.events(user, calendarId).get(index);
    calendars.updateEvent(user, calendarId, event.path("id").asText(),
        JsonNodeFactory.instance.objectNode().put(vendor == Vendor.Google ? "summary" : "subject", title));
  }

  /** Live events as the emulator stores them. */
  List<ObjectNode> events() {
    return calendars.events(user, calendarId);
  }

  int eventCount() {
    return events().size();
  }

  /** Calendar API requests since the last reset; token requests are not counted. */
  long calls() {
    return emulator.requests().snapshot().entrySet().stream()
        .filter(e -> e.getKey().contains(apiPath))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** The writes among {@link #calls()}. */
  long writes() {
    return emulator.requests().snapshot().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("GET") && e.getKey().contains(apiPath))
        .mapToLong(Map.Entry::getValue).sum();
  }

  void resetCounts() {
    emulator.requests().reset();
  }

  @Override
  public void close() {
    emulator.close();
  }
}
