package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.ErrorDialect;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Request;
import io.calendarsync.emulators.http.Response;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Graph's error envelope, which the SDK turns into {@code ODataError} ({@code getError().getCode()}), and the
 * {@code request-id} / {@code client-request-id} headers Graph puts on every answer.
 */
final class GraphErrorDialect implements ErrorDialect {

    private record Default(String code, String message) {
    }

    private static final Map<Integer, Default> DEFAULTS = Map.ofEntries(
            Map.entry(400, new Default("BadRequest", "Invalid request.")),
            Map.entry(401, new Default("InvalidAuthenticationToken", "Access token has expired or is not yet valid.")),
            Map.entry(403, new Default("ErrorAccessDenied", "Access is denied. Check credentials and try again.")),
            Map.entry(404, new Default("ErrorItemNotFound", "The specified object was not found in the store.")),
            Map.entry(405, new Default("BadRequest", "The OData request is not supported.")),
            Map.entry(409, new Default("Conflict", "The request conflicts with the current state of the item.")),
            Map.entry(410, new Default("SyncStateNotFound",
                    "The sync state generation is not found, please restart the sync.")),
            Map.entry(412, new Default("ErrorIrresolvableConflict", "The send or update operation could not be "
                    + "performed because the change key passed in the request does not match the current change key "
                    + "for the item.")),
            Map.entry(429, new Default("TooManyRequests", "Application is over its MailboxConcurrency limit.")),
            Map.entry(500, new Default("InternalServerError", "Internal server error.")),
            Map.entry(503, new Default("ServiceNotAvailable", "Service Unavailable.")),
            Map.entry(504, new Default("UnknownError", "Gateway timeout.")));

    private final Clock clock;

    GraphErrorDialect(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Response render(ApiError error, Request request) {
        Default fallback = DEFAULTS.getOrDefault(error.status(), new Default("UnknownError", "Error"));
        ObjectNode body = Json.object();
        ObjectNode envelope = body.putObject("error")
                .put("code", error.code() != null ? error.code() : fallback.code())
                .put("message", error.message() != null ? error.message() : fallback.message());
        envelope.putObject("innerError")
                .put("date", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                        .toString())
                .put("request-id", request.id())
                .put("client-request-id", clientRequestId(request));
        return Response.json(error.status(), body);
    }

    @Override
    public Response decorate(Request request, Response response) {
        return response.withHeader("request-id", request.id())
                .withHeader("client-request-id", clientRequestId(request));
    }

    private static String clientRequestId(Request request) {
        return request.header("client-request-id").orElse(request.id());
    }
}
