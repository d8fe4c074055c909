package io.calendarsync.emulators;

import io.calendarsync.emulators.calendar.CalendarAdmin;
import io.calendarsync.emulators.calendar.CalendarAdminRoutes;
import io.calendarsync.emulators.calendar.InvitationLog;
import io.calendarsync.emulators.http.AdminRoutes;
import io.calendarsync.emulators.http.Counters;
import io.calendarsync.emulators.http.EmulatorServer;
import io.calendarsync.emulators.http.ErrorDialect;
import io.calendarsync.emulators.http.FaultInjector;
import io.calendarsync.emulators.http.PushDeliverer;
import io.calendarsync.emulators.http.Router;
import io.calendarsync.emulators.oauth.BearerAuthenticator;
import io.calendarsync.emulators.oauth.OAuthAdminRoutes;
import io.calendarsync.emulators.oauth.OAuthAuthority;
import io.calendarsync.emulators.oauth.TokenPolicy;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * What both vendor emulators share: the HTTP server with fault injection and request counting, the OAuth authority
 * and bearer check, push delivery, the invitation log, and the admin API over all of them. A vendor adds its API
 * routes, then calls {@link #serve}.
 */
public abstract class VendorEmulator implements AutoCloseable {

    protected final Router router = new Router();
    protected final EmulatorServer server;
    protected final OAuthAuthority oauth;
    protected final BearerAuthenticator authenticator;
    protected final Counters requests = new Counters();
    protected final Counters tokenRequests = new Counters();
    protected final FaultInjector faults = new FaultInjector();
    protected final InvitationLog invitations = new InvitationLog();
    protected final PushDeliverer push;
    private final CountDownLatch closed = new CountDownLatch(1);

    protected VendorEmulator(String name, int port, ErrorDialect errors, TokenPolicy tokens, Clock clock) {
        this.server = new EmulatorServer(name, port, router, errors, faults, requests);
        this.oauth = new OAuthAuthority(clock, tokens);
        this.authenticator = new BearerAuthenticator(oauth);
        this.push = new PushDeliverer(name, clock);
    }

    /** Adds the shared admin routes and starts answering; the vendor's own routes must be registered before. */
    protected final void serve(CalendarAdmin calendars, Predicate<String> knownUser, Clock clock) {
        AdminRoutes.register(router, requests, faults, push, clock);
        OAuthAdminRoutes.register(router, oauth, authenticator, tokenRequests, knownUser);
        CalendarAdminRoutes.register(router, calendars, invitations);
        server.start();
    }

    /** For a {@code main}: prints where the emulator listens and blocks until the process is told to stop. */
    protected static void runUntilKilled(VendorEmulator emulator, String description) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println(description + " listening on " + emulator.baseUrl());
        emulator.closed.await();
    }

    /** e.g. {@code http://127.0.0.1:43123}, no trailing slash. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** OAuth clients, grants (refresh tokens), revocation and rotation settings, default user for the consent page. */
    public OAuthAuthority oauth() {
        return oauth;
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
