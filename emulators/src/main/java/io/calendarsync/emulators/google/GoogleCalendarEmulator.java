package io.calendarsync.emulators.google;

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
 * A stateful Google Calendar v3 + Google OAuth emulator on loopback. Point the official client at it with
 * {@code rootUrl = baseUrl() + "/"}, the token endpoint is {@code baseUrl() + "/token"}, the consent page
 * {@code baseUrl() + "/o/oauth2/v2/auth"}; the admin API lives under {@code baseUrl() + "/admin/"}.
 */
public final class GoogleCalendarEmulator implements AutoCloseable {

    private final EmulatorServer server;
    private final OAuthAuthority oauth;
    private final BearerAuthenticator authenticator;
    private final Counters requests = new Counters();
    private final Counters tokenRequests = new Counters();
    private final FaultInjector faults = new FaultInjector();
    private final InvitationLog invitations = new InvitationLog();
    private final PushDeliverer push;
    private final GoogleCalendars calendars;
    private final GoogleChannels channels;
    private final CountDownLatch closed = new CountDownLatch(1);

    private GoogleCalendarEmulator(int port, Clock clock) {
        Router router = new Router();
        this.server = new EmulatorServer("google", port, router, new GoogleErrorDialect(), faults, requests);
        this.oauth = new OAuthAuthority(clock, new TokenPolicy("ya29.", "1//", false));
        this.authenticator = new BearerAuthenticator(oauth);
        this.push = new PushDeliverer("google", clock);
        this.calendars = new GoogleCalendars(clock, server.baseUrl(), invitations);
        this.channels = new GoogleChannels(clock, push);
        calendars.feed().subscribe(channels::onChange);

        Predicate<String> knownUser = u -> calendars.users().stream().anyMatch(user -> user.email().equalsIgnoreCase(u));
        router.add("POST", "/token", new TokenEndpoint(oauth, new GoogleOAuthDialect(), tokenRequests));
        router.add("GET", "/o/oauth2/v2/auth", new AuthorizeEndpoint(oauth, knownUser));
        new GoogleEventsApi(calendars, authenticator, clock).register(router);
        new GoogleChannelsApi(calendars, channels, authenticator, server.baseUrl()).register(router);

        AdminRoutes.register(router, requests, faults, push, clock);
        OAuthAdminRoutes.register(router, oauth, authenticator, tokenRequests, knownUser);
        CalendarAdminRoutes.register(router, calendars, invitations);
        router.add("GET", "/admin/channels", r ->
                Response.json(Json.object().set("channels", Json.tree(channels.channels()))));
        server.start();
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port). */
    public static GoogleCalendarEmulator start(int port, Clock clock) {
        return new GoogleCalendarEmulator(port, clock);
    }

    /** Runs until killed: {@code java ... GoogleCalendarEmulator [port]}; time follows the wall clock. */
    public static void main(String[] args) throws InterruptedException {
        GoogleCalendarEmulator emulator = start(args.length > 0 ? Integer.parseInt(args[0]) : 0, MutableClock.system());
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("Google Calendar emulator listening on " + emulator.baseUrl());
        emulator.closed.await();
    }

    /** e.g. {@code http://127.0.0.1:43123}, no trailing slash. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Users, calendars, events: the calendar app's view, plus sync-token controls. */
    public GoogleCalendars calendars() {
        return calendars;
    }

    /** OAuth clients, grants (refresh tokens), revocation, default user for the consent page. */
    public OAuthAuthority oauth() {
        return oauth;
    }

    public GoogleChannels channels() {
        return channels;
    }

    /** Every push delivery attempt and the receiver's status; also the retry policy. */
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
