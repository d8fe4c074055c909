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
import io.calendarsync.operator.vendor.VendorConnector;
import io.calendarsync.operator.vendor.VendorException;
import io.calendarsync.operator.vendor.http.VendorCalls;

import java.time.Clock;
import java.time.ZoneId;

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
    this.pageSize = pageSize;
  }

  /**
   * Reads the calendar first: a missing calendar fails here as CALENDAR_NOT_FOUND (Google's 404 does not say whether
   * the calendar or an event is missing), and its time zone is Google's default for events that name none.
   */
  @Override
  public ExternalCalendar open(SyncTarget target) throws VendorException {
    if (target.spec().getVendor() != Vendor.Google) {
      throw new IllegalArgumentException("provider " + target.key() + " is not a Google provider");
    }
    String calendarId = target.spec().getCalendarId();
    GoogleRequests requests = new GoogleRequests(calls, errors, target);
    com.google.api.services.calendar.model.Calendar calendar =
        requests.execute(build(() -> api.calendars().get(calendarId)), CALENDAR);
    GoogleEventMapper mapper = new GoogleEventMapper(GoogleTimeZones.named(calendar.getTimeZone()).orElse(UTC));
    return new GoogleCalendar(api, requests, calendarId, mapper, pageSize, target.key());
  }
}
