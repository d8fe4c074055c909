package io.calendarsync.emulators.oauth;

import io.calendarsync.emulators.http.Request;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.http.Router;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The consent page, auto-approved: it signs in the {@code login_hint} user (or the configured default user) and
 * redirects straight back to {@code redirect_uri} with a code, so a person following a consent URL in a browser lands
 * on the receiver just as after clicking "Allow".
 */
public final class AuthorizeEndpoint implements Router.Handler {

    private final OAuthAuthority authority;
    private final Predicate<String> knownUser;

    public AuthorizeEndpoint(OAuthAuthority authority, Predicate<String> knownUser) {
        this.authority = authority;
        this.knownUser = knownUser;
    }

    @Override
    public Response handle(Request request) {
        Optional<String> redirectUri = request.query("redirect_uri");
        if (redirectUri.isEmpty()) {
            return page("Error 400: invalid_request. Missing required parameter: redirect_uri");
        }
        Optional<String> state = request.query("state");
        if (!"code".equals(request.query("response_type").orElse(""))) {
            return redirect(redirectUri.get(), "error=unsupported_response_type", state);
        }
        Optional<String> user = request.query("login_hint").or(authority::defaultUser);
        if (user.isEmpty() || !knownUser.test(user.get())) {
            return page("Error 400: no such user to sign in (" + user.orElse("no login_hint, no default user") + ")");
        }
        String code;
        try {
            code = authority.authorize(request.query("client_id").orElse(null), redirectUri.get(), user.get(),
                    request.query("scope").orElse(""));
        } catch (OAuthException e) {
            return page("Error 401: invalid_client. " + e.getMessage());
        }
        return redirect(redirectUri.get(), "code=" + encode(code), state);
    }

    private static Response redirect(String redirectUri, String result, Optional<String> state) {
        String separator = redirectUri.contains("?") ? "&" : "?";
        String location = redirectUri + separator + result + state.map(s -> "&state=" + encode(s)).orElse("");
        return Response.redirect(location);
    }

    private static Response page(String message) {
        return Response.text(400, "text/plain; charset=UTF-8", message);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
