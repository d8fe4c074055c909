package io.calendarsync.emulators.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Counters;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.http.Router;
import java.time.Duration;
import java.util.function.Predicate;

/** HTTP admin API over {@link OAuthAuthority}: clients, grants, revocation, settings and counters. */
public final class OAuthAdminRoutes {

    private OAuthAdminRoutes() {
    }

    public static void register(Router router, OAuthAuthority authority, BearerAuthenticator authenticator,
                                Counters tokenRequests, Predicate<String> knownUser) {
        router.add("POST", "/admin/clients", r -> {
            ObjectNode body = r.json();
            String clientId = Json.required(body, "clientId");
            authority.registerClient(clientId, Json.required(body, "clientSecret"));
            return Response.json(201, Json.object().put("clientId", clientId));
        });
        router.add("POST", "/admin/grants", r -> {
            ObjectNode body = r.json();
            String user = Json.required(body, "user");
            if (!knownUser.test(user)) {
                throw new ApiError(404, null, "Unknown user: " + user);
            }
            String clientId = Json.required(body, "clientId");
            String refreshToken = authority.issueGrant(clientId, user, Json.text(body, "scope").orElse(""));
            return Response.json(201, Json.object().put("clientId", clientId).put("user", user)
                    .put("refreshToken", refreshToken));
        });
        router.add("POST", "/admin/grants/revoke", r -> {
            ObjectNode body = r.json();
            boolean revoked = Json.text(body, "refreshToken")
                    .map(authority::revokeGrant)
                    .orElseGet(() -> authority.revokeGrants(Json.required(body, "user"), Json.required(body, "clientId")) > 0);
            if (!revoked) {
                throw new ApiError(404, null, "No such grant");
            }
            return Response.noContent();
        });
        router.add("GET", "/admin/oauth", r -> Response.json(status(authority, authenticator, tokenRequests)));
        router.add("PATCH", "/admin/oauth", r -> {
            ObjectNode body = r.json();
            Json.text(body, "defaultUser").ifPresent(authority::setDefaultUser);
            if (body.has("revokePreviousRefreshToken")) {
                authority.setRevokePreviousRefreshToken(body.get("revokePreviousRefreshToken").asBoolean());
            }
            if (body.has("accessTokenLifetimeSeconds")) {
                authority.setAccessTokenLifetime(Duration.ofSeconds(body.get("accessTokenLifetimeSeconds").asLong()));
            }
            return Response.json(status(authority, authenticator, tokenRequests));
        });
        router.add("DELETE", "/admin/oauth/counters", r -> {
            tokenRequests.reset();
            authenticator.resetUnauthorizedCount();
            return Response.noContent();
        });
    }

    private static ObjectNode status(OAuthAuthority authority, BearerAuthenticator authenticator,
                                     Counters tokenRequests) {
        ObjectNode body = Json.object();
        body.put("defaultUser", authority.defaultUser().orElse(null));
        body.put("revokePreviousRefreshToken", authority.revokesPreviousRefreshToken());
        body.put("accessTokenLifetimeSeconds", authority.accessTokenLifetime().toSeconds());
        body.put("unauthorized", authenticator.unauthorizedCount());
        body.set("tokenRequests", Json.tree(tokenRequests.snapshot()));
        return body;
    }
}
