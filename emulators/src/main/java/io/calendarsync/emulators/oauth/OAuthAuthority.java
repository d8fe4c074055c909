package io.calendarsync.emulators.oauth;

import io.calendarsync.emulators.Ids;
import io.calendarsync.emulators.http.ApiError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one vendor's authorization server: registered clients, grants (a user's consent to a client, carried
 * by refresh tokens), short-lived authorization codes and access tokens. Expiry follows the emulator's clock.
 */
public final class OAuthAuthority {

    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private static final class Grant {
        final String clientId;
        final String user;
        final String scope;
        boolean revoked;

        Grant(String clientId, String user, String scope) {
            this.clientId = clientId;
            this.user = user;
            this.scope = scope;
        }
    }

    private static final class RefreshToken {
        final Grant grant;
        boolean superseded;

        RefreshToken(Grant grant) {
            this.grant = grant;
        }
    }

    private record AccessToken(Grant grant, Instant expiresAt) {
    }

    private record Code(String clientId, String redirectUri, String user, String scope, Instant expiresAt) {
    }

    private final Clock clock;
    private final TokenPolicy policy;
    private final Map<String, String> clientSecrets = new HashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
    private final Map<String, AccessToken> accessTokens = new HashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private Duration accessTokenLifetime = Duration.ofSeconds(3599);
    private boolean revokePreviousRefreshToken;
    private String defaultUser;

    public OAuthAuthority(Clock clock, TokenPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    public synchronized void registerClient(String clientId, String clientSecret) {
        clientSecrets.put(Objects.requireNonNull(clientId), Objects.requireNonNull(clientSecret));
    }

    /** Records consent as if the user had gone through the authorize page; returns the grant's refresh token. */
    public synchronized String issueGrant(String clientId, String user, String scope) {
        if (!clientSecrets.containsKey(clientId)) {
            throw new ApiError(400, null, "Unknown OAuth client: " + clientId);
        }
        return newRefreshToken(new Grant(clientId, Objects.requireNonNull(user), scope == null ? "" : scope));
    }

    /** Revokes the grant behind a refresh token: all its refresh and access tokens stop working. */
    public synchronized boolean revokeGrant(String refreshToken) {
        RefreshToken token = refreshTokens.get(refreshToken);
        if (token == null) {
            return false;
        }
        token.grant.revoked = true;
        return true;
    }

    /** Revokes every grant a user gave a client (what "remove access" in the account settings does). */
    public synchronized int revokeGrants(String user, String clientId) {
        int[] revoked = {0};
        refreshTokens.values().stream()
                .map(t -> t.grant)
                .filter(g -> !g.revoked && g.user.equalsIgnoreCase(user) && g.clientId.equals(clientId))
                .distinct()
                .forEach(g -> {
                    g.revoked = true;
                    revoked[0]++;
                });
        return revoked[0];
    }

    /** The consent step: returns a single-use code for the redirect. */
    public synchronized String authorize(String clientId, String redirectUri, String user, String scope) {
        if (clientId == null || !clientSecrets.containsKey(clientId)) {
            throw new OAuthException(OAuthFailure.UNKNOWN_CLIENT, "The OAuth client was not found.");
        }
        String code = "4/" + Ids.alphanumeric(40);
        codes.put(code, new Code(clientId, redirectUri, user, scope == null ? "" : scope,
                clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    public synchronized TokenGrant refresh(String clientId, String clientSecret, String refreshToken) {
        authenticateClient(clientId, clientSecret);
        RefreshToken token = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (token == null || token.superseded || token.grant.revoked || !token.grant.clientId.equals(clientId)) {
            throw new OAuthException(OAuthFailure.INVALID_GRANT, "refresh token is unknown, revoked or superseded");
        }
        String next = null;
        if (policy.rotatesRefreshTokens()) {
            next = newRefreshToken(token.grant);
            token.superseded = revokePreviousRefreshToken;
        }
        return newAccessToken(token.grant, next);
    }

    public synchronized TokenGrant redeemCode(String clientId, String clientSecret, String code, String redirectUri) {
        authenticateClient(clientId, clientSecret);
        Code entry = code == null ? null : codes.remove(code);
        if (entry == null || !entry.clientId.equals(clientId) || clock.instant().isAfter(entry.expiresAt)
                || !Objects.equals(entry.redirectUri, redirectUri)) {
            throw new OAuthException(OAuthFailure.INVALID_GRANT, "authorization code is unknown, used or expired");
        }
        Grant grant = new Grant(clientId, entry.user, entry.scope);
        return newAccessToken(grant, newRefreshToken(grant));
    }

    /** The principal of a live access token; empty when it is unknown, expired or its grant was revoked. */
    public synchronized Optional<Principal> authenticate(String accessToken) {
        AccessToken token = accessTokens.get(accessToken);
        if (token == null || token.grant.revoked || !clock.instant().isBefore(token.expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new Principal(token.grant.user, token.grant.clientId));
    }

    public synchronized void setAccessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }

    /** When on, a rotated refresh token stops working once its successor was handed out. */
    public synchronized void setRevokePreviousRefreshToken(boolean revoke) {
        this.revokePreviousRefreshToken = revoke;
    }

    public synchronized boolean revokesPreviousRefreshToken() {
        return revokePreviousRefreshToken;
    }

    /** Whom the authorize endpoint signs in when the request has no {@code login_hint}. */
    public synchronized void setDefaultUser(String user) {
        this.defaultUser = user;
    }

    public synchronized Optional<String> defaultUser() {
        return Optional.ofNullable(defaultUser);
    }

    public synchronized Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    private void authenticateClient(String clientId, String clientSecret) {
        String expected = clientId == null ? null : clientSecrets.get(clientId);
        if (expected == null) {
            throw new OAuthException(OAuthFailure.UNKNOWN_CLIENT, "The OAuth client was not found.");
        }
        if (!expected.equals(clientSecret)) {
            throw new OAuthException(OAuthFailure.WRONG_CLIENT_SECRET, "Unauthorized");
        }
    }

    private String newRefreshToken(Grant grant) {
        String token = policy.refreshTokenPrefix() + Ids.alphanumeric(64);
        refreshTokens.put(token, new RefreshToken(grant));
        return token;
    }

    private TokenGrant newAccessToken(Grant grant, String refreshToken) {
        String token = policy.accessTokenPrefix() + Ids.alphanumeric(96);
        accessTokens.put(token, new AccessToken(grant, clock.instant().plus(accessTokenLifetime)));
        return new TokenGrant(token, accessTokenLifetime.toSeconds(), refreshToken, grant.scope, grant.user);
    }
}
