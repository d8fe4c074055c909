package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.oauth.OAuthDialect;
import io.calendarsync.emulators.oauth.OAuthException;
import io.calendarsync.emulators.oauth.TokenGrant;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Answers of the Microsoft identity platform's v2.0 token endpoint, errors with their AADSTS numbers. */
final class AadOAuthDialect implements OAuthDialect {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private record Aad(int status, String error, int code, String description) {
    }

    private final Clock clock;

    AadOAuthDialect(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ObjectNode success(TokenGrant grant) {
        ObjectNode body = Json.object()
                .put("token_type", "Bearer")
                .put("scope", grant.scope())
                .put("expires_in", grant.expiresInSeconds())
                .put("ext_expires_in", grant.expiresInSeconds())
                .put("access_token", grant.accessToken());
        if (grant.refreshToken() != null) {
            body.put("refresh_token", grant.refreshToken());
        }
        return body;
    }

    @Override
    public Response failure(OAuthException exception) {
        Aad aad = switch (exception.failure()) {
            case INVALID_GRANT -> new Aad(400, "invalid_grant", 70000, "The provided value for the input parameter "
                    + "'refresh_token' or 'assertion' is not valid, or the grant has expired or been revoked.");
            case UNKNOWN_CLIENT -> new Aad(400, "unauthorized_client", 700016,
                    "Application was not found in the directory.");
            case WRONG_CLIENT_SECRET -> new Aad(401, "invalid_client", 7000215, "Invalid client secret provided. "
                    + "Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
            case INVALID_REQUEST -> new Aad(400, "invalid_request", 900144,
                    "The request body must contain the following parameter: 'grant_type'.");
            case UNSUPPORTED_GRANT_TYPE -> new Aad(400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type.");
        };
        String timestamp = TIMESTAMP.format(clock.instant());
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        ObjectNode body = Json.object()
                .put("error", aad.error())
                .put("error_description", "AADSTS" + aad.code() + ": " + aad.description() + " Trace ID: " + traceId
                        + " Correlation ID: " + correlationId + " Timestamp: " + timestamp);
        body.putArray("error_codes").add(aad.code());
        body.put("timestamp", timestamp)
                .put("trace_id", traceId)
                .put("correlation_id", correlationId)
                .put("error_uri", "https://login.microsoftonline.com/error?code=" + aad.code());
        return Response.json(aad.status(), body);
    }
}
