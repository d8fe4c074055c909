package io.calendarsync.emulators.microsoft;

import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.VendorEmulator;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.oauth.AuthorizeEndpoint;
import io.calendarsync.emulators.oauth.TokenEndpoint;
import io.calendarsync.emulators.oauth.TokenPolicy;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * A stateful Microsoft Graph (calendar part, delegated {@code /me}) + Microsoft identity platform emulator on
 * loopback. Point the Graph SDK at it with {@code getRequestAdapter().setBaseUrl(baseUrl() + "/v1.0")}; tokens come
 * from {@code baseUrl() + "/{tenant}/oauth2/v2.0/token"}, consent from {@code .../authorize}; the admin API lives
 * under {@code baseUrl() + "/admin/"}.
 */
public final class GraphEmulator extends VendorEmulator {

    /** The tenant notifications name. Token and authorize endpoints accept any tenant segment. */
    public static final String TENANT_ID = "6f1c3b8e-2a4d-4c5e-9b7a-1d2e3f4a5b6c";

    private final GraphCalendars calendars;
    private final GraphSubscriptions subscriptions;

    private GraphEmulator(int port, Clock clock) {
        super("graph", port, new GraphErrorDialect(clock),
                new TokenPolicy("eyJ0eXAiOiJKV1QiLCJub25jZSI6", "0.AX", true), clock);
        String baseUrl = server.baseUrl();
        this.calendars = new GraphCalendars(clock, baseUrl, invitations);
        this.subscriptions = new GraphSubscriptions(clock, calendars, new GraphNotifications(push, TENANT_ID));
        calendars.feed().subscribe(subscriptions::onChange);

        Predicate<String> knownUser = u -> calendars.users().stream()
                .anyMatch(user -> user.email().equalsIgnoreCase(u) || user.id().equalsIgnoreCase(u));
        router.add("POST", "/{tenant}/oauth2/v2.0/token", new TokenEndpoint(oauth, new AadOAuthDialect(clock),
                tokenRequests));
        router.add("GET", "/{tenant}/oauth2/v2.0/authorize", new AuthorizeEndpoint(oauth, knownUser));
        new GraphEventsApi(calendars, authenticator, baseUrl).register(router);
        new CalendarViewDelta(calendars, authenticator, baseUrl).register(router);
        GraphSubscriptionsApi subscriptionsApi = new GraphSubscriptionsApi(subscriptions, authenticator, baseUrl);
        subscriptionsApi.register(router);
        router.add("GET", "/admin/subscriptions", r -> {
            var list = Json.array();
            subscriptions.subscriptions().forEach(s -> list.add(subscriptionsApi.json(s)));
            return Response.json(Json.object().set("subscriptions", list));
        });
        router.add("POST", "/admin/subscriptions/{subscriptionId}/lifecycle", r -> {
            subscriptions.fireLifecycleEvent(r.param("subscriptionId"), Json.required(r.json(), "lifecycleEvent"));
            return Response.noContent();
        });
        serve(calendars, knownUser, clock);
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port). */
    public static GraphEmulator start(int port, Clock clock) {
        return new GraphEmulator(port, clock);
    }

    /** Runs until killed: {@code java ... GraphEmulator [port]}; time follows the wall clock. */
    public static void main(String[] args) throws InterruptedException {
        runUntilKilled(start(args.length > 0 ? Integer.parseInt(args[0]) : 0, MutableClock.system()),
                "Microsoft Graph emulator");
    }

    /** Users, calendars, events: the Outlook app's view, plus delta-token controls. */
    public GraphCalendars calendars() {
        return calendars;
    }

    public GraphSubscriptions subscriptions() {
        return subscriptions;
    }
}
