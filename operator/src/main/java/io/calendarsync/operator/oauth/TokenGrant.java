package io.calendarsync.operator.oauth;

import java.util.Optional;

/**
 * What a token endpoint answered: the access token and, when the vendor rotates refresh tokens (Microsoft does on
 * every refresh), the new refresh token that must be used from now on.
 */
public record TokenGrant(AccessToken accessToken, Optional<String> refreshToken) {

  @Override
  public String toString() {
    return "TokenGrant[" + accessToken + ", rotated=" + refreshToken.isPresent() + "]";
  }
}
