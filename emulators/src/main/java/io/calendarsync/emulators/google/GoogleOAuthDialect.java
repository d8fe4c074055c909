package io.calendarsync.emulators.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.oauth.OAuthDialect;
import io.calendarsync.emulators.oauth.OAuthException;
import io.calendarsync.emulators.oauth.TokenGrant;

/** Answers of {@code oauth2.googleapis.com/token}. */
final class GoogleOAuthDialect implements OAuthDialect {

    @Override
    public ObjectNode success(TokenGrant grant) {
        ObjectNode body = Json.object()
                .put("access_token", grant.accessToken())
                .put("expires_in", grant.expiresInSeconds())
                .put("scope", grant.scope())
                .put("token_type", "Bearer");
        if (grant.refreshToken() != null) {
            body.put("refresh_token", grant.refreshToken());
        }
        return body;
    }

    @Override
    public Response failure(OAuthException exception) {
        String description = switch (exception.failure()) {
            case INVALID_GRANT -> "Token has been expired or revoked.";
            case UNKNOWN_CLIENT -> "The OAuth client was not found.";
            case WRONG_CLIENT_SECRET -> "Unauthorized";
            case INVALID_REQUEST, UNSUPPORTED_GRANT_TYPE -> exception.getMessage();
        };
        return Response.json(exception.failure().status(), Json.object()
                .put("error", exception.failure().error())
                .put("error_description", description));
    }
}
