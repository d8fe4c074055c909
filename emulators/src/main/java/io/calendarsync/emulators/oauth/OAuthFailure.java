package io.calendarsync.emulators.oauth;

/** Why a token or authorize request was refused; each vendor words and numbers these its own way. */
public enum OAuthFailure {
    INVALID_REQUEST("invalid_request", 400),
    UNKNOWN_CLIENT("invalid_client", 401),
    WRONG_CLIENT_SECRET("invalid_client", 401),
    /** Refresh token unknown, revoked, superseded by rotation; or code unknown, used, expired, or for another URI. */
    INVALID_GRANT("invalid_grant", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400);

    private final String error;
    private final int status;

    OAuthFailure(String error, int status) {
        this.error = error;
        this.status = status;
    }

    /** The RFC 6749 {@code error} value. */
    public String error() {
        return error;
    }

    public int status() {
        return status;
    }
}
