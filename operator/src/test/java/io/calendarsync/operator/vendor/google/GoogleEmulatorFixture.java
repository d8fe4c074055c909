package io.calendarsync.operator.vendor.google;

import com.google.api.client.http.javanet.NetHttpTransport;
import io.calendarsync.api.v1alpha1.CalendarProviderSpec;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.google.GoogleCalendarEmulator;
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
 * A started Google emulator with a user, an OAuth client and a grant, and a {@link GoogleConnector} wired to it as
 * the operator wires it, with the standard retry limits. The operator side has its own clock, moved only by the
 * recording sleeper; the emulator's clock is moved by tests that need the vendor's time to pass.
 */
public final class GoogleEmulatorFixture implements AutoCloseable {

  public static final String USER = "alice@example.com";
  static final String CLIENT_ID = "operator.apps.googleusercontent.com";
  static final String CLIENT_SECRET = "s3cret";
  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  private static final String CALENDAR_SCOPE = "https://www.googleapis.com/auth/calendar";

  public final MutableClock clock = MutableClock.fixed(START);
  public final MutableClock vendorClock = MutableClock.fixed(START);
  public final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final RecordedConnections connections = new RecordedConnections();
  public final GoogleCalendarEmulator emulator;
  public final String refreshToken;
  public final GoogleConnector connector;
  public final AccessTokens tokens;

  private GoogleEmulatorFixture(int pageSize, double requestsPerSecond, int burst) {
    emulator = GoogleCalendarEmulator.start(0, vendorClock);
    emulator.oauth().registerClient(CLIENT_ID, CLIENT_SECRET);
    refreshToken = grant(USER);
    VendorEndpoints endpoints = VendorEndpoints.emulated(emulator.baseUrl(), "http://127.0.0.1:9");
    tokens = new AccessTokens(new TokenEndpointClient(endpoints, HttpClient.newHttpClient(), clock), clock);
    RequestBudget budget = new RequestBudget(requestsPerSecond, burst, Duration.ofSeconds(10), clock, sleeper);
    RetryPolicy retries = new RetryPolicy(RetryPolicy.Limits.standard(), clock, sleeper, new Random(11));
    connector = new GoogleConnector(new NetHttpTransport.Builder().setConnectionFactory(connections).build(),
        endpoints, new VendorCalls(tokens, budget, retries), clock, pageSize);
  }

  public static GoogleEmulatorFixture start() {
    return start(GoogleConnector.MAX_PAGE_SIZE);
  }

  static GoogleEmulatorFixture start(int pageSize) {
    return new GoogleEmulatorFixture(pageSize, 1000, 1000);
  }

  /** A connector whose request budget is {@code requestsPerSecond} with bursts of {@code burst}. */
  static GoogleEmulatorFixture withBudget(double requestsPerSecond, int burst) {
    return new GoogleEmulatorFixture(GoogleConnector.MAX_PAGE_SIZE, requestsPerSecond, burst);
  }

  /** Creates the user if needed and records their consent; returns the grant's refresh token. */
  public String grant(String user) {
    emulator.calendars().createUser(user, user);
    return emulator.oauth().issueGrant(CLIENT_ID, user, CALENDAR_SCOPE);
  }

  /** Alice's calendar. */
  ExternalCalendar open() throws VendorException {
    return connector.open(target("alice-google", refreshToken, "primary"));
  }

  public SyncTarget target(String providerName, String refreshToken, String calendarId) {
    CalendarProviderSpec spec = new CalendarProviderSpec();
    spec.setVendor(Vendor.Google);
    spec.setCalendarId(calendarId);
    return new SyncTarget("team-a", providerName, spec,
        new ProviderCredentials(CLIENT_ID, CLIENT_SECRET, Optional.of(refreshToken), Optional.empty(), "1"));
  }

  @Override
  public void close() {
    emulator.close();
  }
}
