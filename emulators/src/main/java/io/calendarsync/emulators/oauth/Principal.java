package io.calendarsync.emulators.oauth;

/** Who a bearer token speaks for. */
public record Principal(String user, String clientId) {
}
