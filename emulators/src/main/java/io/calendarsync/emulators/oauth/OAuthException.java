package io.calendarsync.emulators.oauth;

public final class OAuthException extends RuntimeException {

    private final OAuthFailure failure;

    public OAuthException(OAuthFailure failure, String detail) {
        super(detail, null, false, false);
        this.failure = failure;
    }

    public OAuthFailure failure() {
        return failure;
    }
}
