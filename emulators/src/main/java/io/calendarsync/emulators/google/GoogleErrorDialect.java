package io.calendarsync.emulators.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.ErrorDialect;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Request;
import io.calendarsync.emulators.http.Response;
import java.util.Map;
import java.util.Set;

/**
 * Google's JSON error envelope, which {@code GoogleJsonResponseException.getDetails()} parses: the reason in
 * {@code errors[0].reason} is what clients branch on.
 */
final class GoogleErrorDialect implements ErrorDialect {

    private record Default(String reason, String message) {
    }

    private static final Map<Integer, Default> DEFAULTS = Map.ofEntries(
            Map.entry(400, new Default("badRequest", "Bad Request")),
            Map.entry(401, new Default("authError", "Invalid Credentials")),
            Map.entry(403, new Default("forbidden", "Forbidden")),
            Map.entry(404, new Default("notFound", "Not Found")),
            Map.entry(405, new Default("httpMethodNotAllowed", "Method Not Allowed")),
            Map.entry(409, new Default("conflict", "Conflict")),
            Map.entry(410, new Default("deleted", "Resource has been deleted")),
            Map.entry(412, new Default("conditionNotMet", "Precondition Failed")),
            Map.entry(429, new Default("rateLimitExceeded", "Rate Limit Exceeded")),
            Map.entry(500, new Default("backendError", "Backend Error")),
            Map.entry(503, new Default("backendError", "Backend Error")));

    private static final Set<String> USAGE_LIMIT_REASONS =
            Set.of("rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "dailyLimitExceeded");

    private static final String UNAUTHENTICATED_MESSAGE = "Request had invalid authentication credentials. Expected "
            + "OAuth 2 access token, login cookie or other valid authentication credential. See "
            + "https://developers.google.com/identity/sign-in/web/devconsole-project.";

    @Override
    public Response render(ApiError error, Request request) {
        Default fallback = DEFAULTS.getOrDefault(error.status(), new Default("backendError", "Error"));
        String reason = error.code() != null ? error.code() : fallback.reason();
        String message = error.message() != null ? error.message() : fallback.message();
        ObjectNode detail = Json.object()
                .put("domain", USAGE_LIMIT_REASONS.contains(reason) ? "usageLimits" : "global")
                .put("reason", reason)
                .put("message", message);
        ObjectNode body = Json.object();
        ObjectNode envelope = body.putObject("error").put("code", error.status());
        if (error.status() == 401) {
            detail.put("location", "Authorization").put("locationType", "header");
            envelope.put("message", UNAUTHENTICATED_MESSAGE);
            envelope.putArray("errors").add(detail);
            envelope.put("status", "UNAUTHENTICATED");
        } else {
            envelope.put("message", message);
            envelope.putArray("errors").add(detail);
        }
        return Response.json(error.status(), body);
    }
}
