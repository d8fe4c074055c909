package io.calendarsync.emulators.google;

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
 * A stateful Google Calendar v3 + Google OAuth emulator on loopback. Point the official client at it with
 * {@code rootUrl = baseUrl() + "/"}, the token endpoint is {@code baseUrl() + "/token"}, the consent page
 * {@code baseUrl() + "/o/oauth2/v2/auth"}; the admin API lives under {@code baseUrl() + "/admin/"}.
 */
public final class GoogleCalendarEmulator extends VendorEmulator {

    private final GoogleCalendars calendars;
    private final GoogleChannels channels;

    private GoogleCalendarEmulator(int port, Clock clock) {
        super("google", port, new GoogleErrorDialect(), new TokenPolicy("ya29.", "1//", false), clock);
        this.calendars = new GoogleCalendars(clock, server.baseUrl(), invitations);
        this.channels = new GoogleChannels(clock, push);
        calendars.feed().subscribe(channels::onChange);

        Predicate<String> knownUser = u -> calendars.users().stream().anyMatch(user -> user.email().equalsIgnoreCase(u));
        router.add("POST", "/token", new TokenEndpoint(oauth, new GoogleOAuthDialect(), tokenRequests));
        router.add("GET", "/o/oauth2/v2/auth", new AuthorizeEndpoint(oauth, knownUser));
        new GoogleEventsApi(calendars, authenticator, clock).register(router);
        new GoogleChannelsApi(calendars, channels, authenticator, server.baseUrl()).register(router);
        router.add("GET", "/admin/channels", r ->
                Response.json(Json.object().set("channels", Json.tree(channels.channels()))));
        serve(calendars, knownUser, clock);
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port). */
    public static GoogleCalendarEmulator start(int port, Clock clock) {
        return new GoogleCalendarEmulator(port, clock);
    }

    /** Runs until killed: {@code java ... GoogleCalendarEmulator [port]}; time follows the wall clock. */
    public static void main(String[] args) throws InterruptedException {
        runUntilKilled(start(args.length > 0 ? Integer.parseInt(args[0]) : 0, MutableClock.system()),
                "Google Calendar emulator");
    }

    /** Users, calendars, events: the calendar app's view, plus sync-token controls. */
    public GoogleCalendars calendars() {
        return calendars;
    }

    public GoogleChannels channels() {
        return channels;
    }
}
