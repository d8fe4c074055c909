package io.calendarsync.emulators.oauth;

/**
 * What differs between the vendors' token services.
 *
 * @param rotatesRefreshTokens whether every refresh answers with a new refresh token (Microsoft identity platform)
 */
public record TokenPolicy(String accessTokenPrefix, String refreshTokenPrefix, boolean rotatesRefreshTokens) {
}
