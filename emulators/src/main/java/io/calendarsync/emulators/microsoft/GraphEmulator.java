package io.calendarsync.emulators.microsoft;

import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.calendar.CalendarAdminRoutes;
import io.calendarsync.emulators.calendar.InvitationLog;
import io.calendarsync.emulators.http.AdminRoutes;
import io.calendarsync.emulators.http.Counters;
import io.calendarsync.emulators.http.EmulatorServer;
import io.calendarsync.emulators.http.FaultInjector;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.PushDeliverer;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.http.Router;
import io.calendarsync.emulators.oauth.AuthorizeEndpoint;
import io.calendarsync.emulators.oauth.BearerAuthenticator;
import io.calendarsync.emulators.oauth.OAuthAdminRoutes;
import io.calendarsync.emulators.oauth.OAuthAuthority;
import io.calendarsync.emulators.oauth.TokenEndpoint;
import io.calendarsync.emulators.oauth.TokenPolicy;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * A stateful Microsoft Graph (calendar part, delegated {@code /me}) + Microsoft identity platform emulator on
 * loopback. Point the Graph SDK at it with {@code getRequestAdapter().setBaseUrl(baseUrl() + "/v1.0")}; tokens come
 * from {@code baseUrl() + "/{tenant}/oauth2/v2.0/token"}, consent from {@code .../authorize}; the admin API lives
 * under {@code baseUrl() + "/admin/"}.
 */
public final class GraphEmulator implements AutoCloseable {

    /** The tenant notifications name. Token and authorize endpoints accept any tenant segment. */
    public static final String TENANT_ID = "6f1c3b8e-2a4d-4c5e-9b7a-1d2e3f4a5b6c";

    private final EmulatorServer server;
    private final OAuthAuthority oauth;
    private final BearerAuthenticator authenticator;
    private final Counters requests = new Counters();
    private final Counters tokenRequests = new Counters();
    private final FaultInjector faults = new FaultInjector();
    private final InvitationLog invitations = new InvitationLog();
    private final PushDeliverer push;
    private final GraphCalendars calendars;
    private final GraphSubscriptions subscriptions;
    private final CountDownLatch closed = new CountDownLatch(1);

    private GraphEmulator(int port, Clock clock) {
        Router router = new Router();
        this.server = new EmulatorServer("graph", port, router, new GraphErrorDialect(clock), faults, requests);
        String baseUrl = server.baseUrl();
        this.oauth = new OAuthAuthority(clock, new TokenPolicy("eyJ0eXAiOiJKV1QiLCJub25jZSI6", "0.AX", true));
        this.authenticator = new BearerAuthenticator(oauth);
        this.push = new PushDeliverer("graph", clock);
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

        AdminRoutes.register(router, requests, faults, push, clock);
        OAuthAdminRoutes.register(router, oauth, authenticator, tokenRequests, knownUser);
        CalendarAdminRoutes.register(router, calendars, invitations);
        router.add("GET", "/admin/subscriptions", r -> {
            var list = Json.array();
            subscriptions.subscriptions().forEach(s -> list.add(subscriptionsApi.json(s)));
            return Response.json(Json.object().set("subscriptions", list));
        });
        router.add("POST", "/admin/subscriptions/{subscriptionId}/lifecycle", r -> {
            subscriptions.fireLifecycleEvent(r.param("subscriptionId"), Json.required(r.json(), "lifecycleEvent"));
            return Response.noContent();
        });
        server.start();
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port). */
    public static GraphEmulator start(int port, Clock clock) {
        return new GraphEmulator(port, clock);
    }

    /** Runs until killed: {@code java ... GraphEmulator [port]}; time follows the wall clock. */
    public static void main(String[] args) throws InterruptedException {
        GraphEmulator emulator = start(args.length > 0 ? Integer.parseInt(args[0]) : 0, MutableClock.system());
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("Microsoft Graph emulator listening on " + emulator.baseUrl());
        emulator.closed.await();
    }

    /** e.g. {@code http://127.0.0.1:43123}, no trailing slash; the Graph SDK's base URL is this plus "/v1.0". */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Users, calendars, events: the Outlook app's view, plus delta-token controls. */
    public GraphCalendars calendars() {
        return calendars;
    }

    /** OAuth clients, grants, refresh-token rotation settings, default user for the consent page. */
    public OAuthAuthority oauth() {
        return oauth;
    }

    public GraphSubscriptions subscriptions() {
        return subscriptions;
    }

    /** Every validation handshake, notification and lifecycle delivery with the receiver's status. */
    public PushDeliverer push() {
        return push;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** API calls by {@code "METHOD /route/template"} (admin calls excluded). */
    public Counters requests() {
        return requests;
    }

    /** Token endpoint calls by {@code "grant_type:result"}, e.g. {@code refresh_token:invalid_grant}. */
    public Counters tokenRequests() {
        return tokenRequests;
    }

    public InvitationLog invitations() {
        return invitations;
    }

    /** API calls refused for a missing, unknown, expired or revoked access token. */
    public long unauthorizedCount() {
        return authenticator.unauthorizedCount();
    }

    @Override
    public void close() {
        server.close();
        push.close();
        closed.countDown();
    }
}
