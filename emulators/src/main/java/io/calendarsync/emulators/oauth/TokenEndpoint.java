package io.calendarsync.emulators.oauth;

import io.calendarsync.emulators.http.Counters;
import io.calendarsync.emulators.http.Request;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.http.Router;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The form-encoded token endpoint (RFC 6749 section 3.2) for the refresh_token and authorization_code grants. Client
 * credentials are accepted in the body (what both vendors' libraries send) or as HTTP Basic. Every request is counted
 * by grant type and result, e.g. {@code refresh_token:ok}, {@code refresh_token:invalid_grant}.
 */
public final class TokenEndpoint implements Router.Handler {

    private final OAuthAuthority authority;
    private final OAuthDialect dialect;
    private final Counters outcomes;

    public TokenEndpoint(OAuthAuthority authority, OAuthDialect dialect, Counters outcomes) {
        this.authority = authority;
        this.dialect = dialect;
        this.outcomes = outcomes;
    }

    @Override
    public Response handle(Request request) {
        Map<String, String> form = request.form();
        String grantType = form.getOrDefault("grant_type", "");
        String[] client = clientCredentials(request, form);
        try {
            TokenGrant grant = switch (grantType) {
                case "refresh_token" -> authority.refresh(client[0], client[1], form.get("refresh_token"));
                case "authorization_code" ->
                        authority.redeemCode(client[0], client[1], form.get("code"), form.get("redirect_uri"));
                case "" -> throw new OAuthException(OAuthFailure.INVALID_REQUEST, "Missing grant_type");
                default -> throw new OAuthException(OAuthFailure.UNSUPPORTED_GRANT_TYPE,
                        "Invalid grant_type: " + grantType);
            };
            outcomes.increment(grantType + ":ok");
            return Response.json(dialect.success(grant)).withHeader("Cache-Control", "no-store");
        } catch (OAuthException e) {
            outcomes.increment(grantType + ":" + e.failure().error());
            return dialect.failure(e).withHeader("Cache-Control", "no-store");
        }
    }

    private static String[] clientCredentials(Request request, Map<String, String> form) {
        String basic = request.header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
                .map(h -> new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8))
                .orElse(null);
        if (basic != null && basic.contains(":")) {
            int colon = basic.indexOf(':');
            return new String[] {decode(basic.substring(0, colon)), decode(basic.substring(colon + 1))};
        }
        return new String[] {form.get("client_id"), form.get("client_secret")};
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
