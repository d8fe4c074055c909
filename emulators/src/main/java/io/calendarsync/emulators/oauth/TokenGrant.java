package io.calendarsync.emulators.oauth;

/**
 * A successful token response.
 *
 * @param refreshToken null when the vendor does not hand out a new one (Google's refresh grant)
 */
public record TokenGrant(String accessToken, long expiresInSeconds, String refreshToken, String scope, String user) {
}
