package io.calendarsync.emulators.oauth;

import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Request;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks the {@code Authorization: Bearer} header of API calls and counts every refusal, so a test can prove a
 * consumer that refreshes ahead of expiry never sees a 401.
 */
public final class BearerAuthenticator {

    private final OAuthAuthority authority;
    private final AtomicLong unauthorized = new AtomicLong();

    public BearerAuthenticator(OAuthAuthority authority) {
        this.authority = authority;
    }

    public Principal require(Request request) {
        return request.header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .flatMap(authority::authenticate)
                .orElseThrow(() -> {
                    unauthorized.incrementAndGet();
                    return new ApiError(401, null, null).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                });
    }

    public long unauthorizedCount() {
        return unauthorized.get();
    }

    public void resetUnauthorizedCount() {
        unauthorized.set(0);
    }
}
