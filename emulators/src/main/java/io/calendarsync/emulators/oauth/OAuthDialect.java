package io.calendarsync.emulators.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.http.Response;

/** How one vendor's token endpoint words its answers. */
public interface OAuthDialect {

    ObjectNode success(TokenGrant grant);

    Response failure(OAuthException exception);
}
