package io.calendarsync.operator.vendor.microsoft;

import io.calendarsync.api.v1alpha1.CalendarProviderSpec;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.microsoft.GraphEmulator;
import io.calendarsync.operator.config.VendorEndpoints;
import io.calendarsync.operator.oauth.AccessTokens;
import io.calendarsync.operator.oauth.TokenEndpointClient;
import io.calendarsync.operator.sync.ProviderCredentials;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.ExternalCalendar;
import io.calendarsync.operator.vendor.VendorException;
import io.calendarsync.operator.vendor.http.RecordingSleeper;
import io.calendarsync.operator.vendor.http.RequestBudget;
import io.calendarsync.operator.vendor.http.RetryPolicy;
import io.calendarsync.operator.vendor.http.VendorCalls;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * A started Graph emulator with a user, an OAuth client and a grant, and a {@link MicrosoftConnector} wired to it as
 * the operator wires it, with the standard retry limits. The operator side has its own clock, moved only by the
 * recording sleeper; the emulator's clock is moved by tests that need the vendor's time to pass.
 */
public final class GraphEmulatorFixture implements AutoCloseable {

  public static final String USER = "alice@contoso.example";
  static final String CLIENT_ID = "0b6f2a9c-1111-4000-8000-00000000c11e";
  static final String CLIENT_SECRET = "s3cret~value";
  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  private static final String SCOPE = "offline_access https://graph.microsoft.com/Calendars.ReadWrite";

  public final MutableClock clock = MutableClock.fixed(START);
  public final MutableClock vendorClock = MutableClock.fixed(START);
  public final RecordingSleeper sleeper = new RecordingSleeper(clock);
  public final GraphEmulator emulator;
  public final String refreshToken;
  public final MicrosoftConnector connector;
  public final AccessTokens tokens;

  private GraphEmulatorFixture(int pageSize) {
    emulator = GraphEmulator.start(0, vendorClock);
    emulator.oauth().registerClient(CLIENT_ID, CLIENT_SECRET);
    emulator.calendars().createUser(USER, "Alice");
    refreshToken = emulator.oauth().issueGrant(CLIENT_ID, USER, SCOPE);
    VendorEndpoints endpoints = VendorEndpoints.emulated("http://127.0.0.1:9", emulator.baseUrl());
    tokens = new AccessTokens(new TokenEndpointClient(endpoints, HttpClient.newHttpClient(), clock), clock);
    RequestBudget budget = new RequestBudget(1000, 1000, Duration.ofSeconds(10), clock, sleeper);
    RetryPolicy retries = new RetryPolicy(RetryPolicy.Limits.standard(), clock, sleeper, new Random(11));
    connector = new MicrosoftConnector(endpoints, new VendorCalls(tokens, budget, retries), clock, pageSize);
  }

  public static GraphEmulatorFixture start() {
    return new GraphEmulatorFixture(MicrosoftConnector.PAGE_SIZE);
  }

  static GraphEmulatorFixture start(int pageSize) {
    return new GraphEmulatorFixture(pageSize);
  }

  /** Alice's default calendar. */
  ExternalCalendar open() throws VendorException {
    return open(MicrosoftConnector.DEFAULT_CALENDAR);
  }

  ExternalCalendar open(String calendarId) throws VendorException {
    return connector.open(target(calendarId));
  }

  public SyncTarget target(String calendarId) {
    CalendarProviderSpec spec = new CalendarProviderSpec();
    spec.setVendor(Vendor.Microsoft);
    spec.setCalendarId(calendarId);
    return new SyncTarget("team-a", "alice-outlook", spec, new ProviderCredentials(CLIENT_ID, CLIENT_SECRET,
        Optional.of(refreshToken), Optional.of(GraphEmulator.TENANT_ID), "1"));
  }

  @Override
  public void close() {
    emulator.close();
  }
}
