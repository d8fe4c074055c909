package io.calendarsync.operator.vendor.google;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.operator.config.VendorEndpoints;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.ExternalCalendar;
import io.calendarsync.operator.vendor.PushChannels;
import io.calendarsync.operator.vendor.VendorConnector;
import io.calendarsync.operator.vendor.VendorException;
import io.calendarsync.operator.vendor.http.VendorCalls;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.time.Instant;
import java.time.Duration;

import static io.calendarsync.operator.vendor.google.GoogleErrors.Addressed.CALENDAR;
import static io.calendarsync.operator.vendor.google.GoogleRequests.build;

/**
 * Opens Google calendars. One per operator, shared by all Google providers: it holds the HTTP transport and the
 * Calendar client (thread-safe, and without credentials: each request carries its provider's token), and the
 * {@link VendorCalls} with Google's request budget.
 */
public final class GoogleConnector implements VendorConnector {

  /** A calendar without a zone shows UTC; the region id (not the offset "Z") is what stores and vendors name. */
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Duration ZONE_FRESHNESS = Duration.ofHours(1);

  private final Map<String, CachedZone> zones = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Google's largest page: fewer requests per listing. */
  static final int MAX_PAGE_SIZE = 2500;

  /** Connect and read timeouts; our {@link io.calendarsync.operator.vendor.http.RetryPolicy} is the only retry layer. */
  private static final HttpRequestInitializer REQUEST_SETTINGS = request -> request
      .setConnectTimeout(10_000)
      .setReadTimeout(30_000)
      .setNumberOfRetries(0);

  private final Calendar api;
  private final VendorCalls calls;
  private final GoogleErrors errors;
  private final int pageSize;

  /** @param calls Google's: its own request budget, shared by every Google provider */
  public GoogleConnector(VendorEndpoints endpoints, VendorCalls calls, Clock clock) {
    this(new NetHttpTransport(), endpoints, calls, clock, MAX_PAGE_SIZE);
  }

  GoogleConnector(HttpTransport transport, VendorEndpoints endpoints, VendorCalls calls, Clock clock, int pageSize) {
    this.api = new Calendar.Builder(transport, GsonFactory.getDefaultInstance(), REQUEST_SETTINGS)
        .setRootUrl(endpoints.googleApi().toString())
        .setApplicationName("calendar-sync-operator")
        .build();
    this.calls = calls;
    this.errors = new GoogleErrors(clock);
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * Reads the calendar first: a missing calendar fails here as CALENDAR_NOT_FOUND (Google's 404 does not say whether
   * the calendar or an event is missing), and its time zone is Google's default for events that name none.
   */
  /**
   * The calendar's own zone (the default for events naming none), read once an hour rather than on every sync: an
   * incremental sync then costs exactly its list pages. A calendar deleted meanwhile still fails the list with
   * CALENDAR_NOT_FOUND.
   */
  private ZoneId calendarZone(GoogleRequests requests, String provider, String calendarId) throws VendorException {
    String key = provider + "|" + calendarId;
    CachedZone cached = zones.get(key);
    if (cached != null && clock.instant().isBefore(cached.readAt().plus(ZONE_FRESHNESS))) {
      return cached.zone();
    }
    com.google.api.services.calendar.model.Calendar calendar =
        requests.execute(build(() -> api.calendars().get(calendarId)), CALENDAR);
    ZoneId zone = GoogleTimeZones.named(calendar.getTimeZone()).orElse(UTC);
    zones.put(key, new CachedZone(zone, clock.instant()));
    return zone;
  }

  private record CachedZone(ZoneId zone, Instant readAt) {}

  @Override
  public ExternalCalendar open(SyncTarget target) throws VendorException {
    if (target.spec().getVendor() != Vendor.Google) {
      throw new IllegalArgumentException("provider " + target.key() + " is not a Google provider");
    }
    String calendarId = target.spec().getCalendarId();
    GoogleRequests requests = new GoogleRequests(calls, errors, target);
    GoogleEventMapper mapper = new GoogleEventMapper(calendarZone(requests, target.key(), calendarId));
    return new GoogleCalendar(api, requests, calendarId, mapper, pageSize, target.key());
  }

  /** Watch channels on Google calendars, through this connector's client and request budget. */
  public PushChannels pushChannels(URI receiverPublicUrl) {
    return new GooglePushChannels(api, calls, errors, receiverPublicUrl, clock);
  }
}
