package io.calendarsync.emulators.http;

import java.util.Map;

/**
 * An HTTP POST the emulator makes to a subscriber.
 *
 * @param kind what it is, for filtering the delivery log: e.g. {@code google-push}, {@code graph-notification}
 */
public record PushMessage(String kind, String url, Map<String, String> headers, String body) {

    public PushMessage {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }
}
