package io.calendarsync.operator.vendor.microsoft;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.models.Calendar;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AnonymousAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.operator.config.VendorEndpoints;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.ExternalCalendar;
import io.calendarsync.operator.vendor.PushChannels;
import io.calendarsync.operator.vendor.VendorConnector;
import io.calendarsync.operator.vendor.VendorException;
import io.calendarsync.operator.vendor.http.VendorCalls;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.calendarsync.operator.vendor.VendorException.Kind.CALENDAR_NOT_FOUND;
import static io.calendarsync.operator.vendor.VendorException.Kind.REJECTED;
import static io.calendarsync.operator.vendor.microsoft.GraphErrors.Addressed.CALENDAR;

/**
 * Opens Outlook calendars through Microsoft Graph v1.0. One per operator, shared by all Microsoft providers: it holds
 * the Graph client (thread-safe, and without credentials: each request carries its provider's token) and the
 * {@link VendorCalls} with Microsoft's request budget.
 *
 * <p>The SDK's own RetryHandler is left out of its middleware: it would retry 429 and 503 inside a single attempt of
 * ours, multiplying the attempts and waiting outside the shared budget. The shared
 * {@link io.calendarsync.operator.vendor.http.RetryPolicy} is the only place retries are decided, and it honours
 * Retry-After.
 */
public final class MicrosoftConnector implements VendorConnector {

  /** Graph's spelling of the mailbox's default calendar in {@code spec.calendarId}. */
  static final String DEFAULT_CALENDAR = "calendar";
  /** Events per delta or instances page: fewer requests than Graph's default of 10. */
  static final int PAGE_SIZE = 100;

  private static final Duration CALENDAR_FRESHNESS = Duration.ofHours(1);

  private final Map<String, ResolvedCalendar> calendars = new ConcurrentHashMap<>();
  private final GraphServiceClient graph;
  private final VendorCalls calls;
  private final GraphErrors errors;
  private final GraphEventMapper mapper = new GraphEventMapper();
  private final Clock clock;
  private final int pageSize;

  /** @param calls Microsoft's: its own request budget, shared by every Microsoft provider */
  public MicrosoftConnector(VendorEndpoints endpoints, VendorCalls calls, Clock clock) {
    this(endpoints, calls, clock, PAGE_SIZE);
  }

  MicrosoftConnector(VendorEndpoints endpoints, VendorCalls calls, Clock clock, int pageSize) {
    Interceptor[] withoutRetries = Arrays.stream(GraphClientFactory.createDefaultGraphInterceptors(
            new GraphClientOption()))
        .filter(interceptor -> !(interceptor instanceof RetryHandler))
        .toArray(Interceptor[]::new);
    OkHttpClient http = GraphClientFactory.create(new GraphClientOption(), withoutRetries)
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(60))
        .build();
    this.graph = new GraphServiceClient(new AnonymousAuthenticationProvider(), http);
    graph.getRequestAdapter().setBaseUrl(endpoints.graphApi().toString().replaceAll("/$", ""));
    this.calls = calls;
    this.errors = new GraphErrors(clock);
    this.clock = clock;
    this.pageSize = pageSize;
  }

  @Override
  public ExternalCalendar open(SyncTarget target) throws VendorException {
    if (target.spec().getVendor() != Vendor.Microsoft) {
      throw new IllegalArgumentException("provider " + target.key() + " is not a Microsoft provider");
    }
    GraphRequests requests = new GraphRequests(calls, errors, target, pageSize);
    return new OutlookCalendar(graph, requests, calendarId(requests, target), mapper, clock, target.key());
  }

  /**
   * The id of the calendar the provider names ({@code calendar}: the default one, else {@code /me/calendars/{id}}),
   * read once an hour rather than on every sync, so an incremental sync costs its delta pages only; a missing
   * calendar fails here as CALENDAR_NOT_FOUND, and one deleted meanwhile fails the delta round the same way. Later
   * requests address it by the id Graph returned.
   */
  private String calendarId(GraphRequests requests, SyncTarget target) throws VendorException {
    String named = target.spec().getCalendarId();
    String key = target.key() + "|" + named;
    ResolvedCalendar cached = calendars.get(key);
    if (cached != null && clock.instant().isBefore(cached.readAt().plus(CALENDAR_FRESHNESS))) {
      return cached.id();
    }
    Calendar calendar;
    try {
      calendar = requests.execute(CALENDAR, common -> named == null || DEFAULT_CALENDAR.equals(named)
          ? graph.me().calendar().get(common::accept)
          : graph.me().calendars().byCalendarId(named).get(common::accept));
    } catch (VendorException e) {
      // Graph refuses an id that is not shaped like one with 400 rather than 404.
      throw e.kind() == REJECTED ? new VendorException(CALENDAR_NOT_FOUND, e.getMessage()) : e;
    }
    calendars.put(key, new ResolvedCalendar(calendar.getId(), clock.instant()));
    return calendar.getId();
  }

  /** Subscriptions on Outlook calendars, through this connector's client and request budget. */
  public PushChannels pushChannels(URI receiverPublicUrl) {
    return new GraphPushChannels(graph, calls, errors, receiverPublicUrl);
  }

  private record ResolvedCalendar(String id, Instant readAt) {}
}
