package io.calendarsync.emulators.http;

import java.time.Instant;
import java.util.Map;

/**
 * One attempt to deliver a {@link PushMessage}, as the receiver answered it.
 *
 * @param status the receiver's HTTP status, or -1 when it could not be reached (then {@code error} says why)
 * @param at     emulator clock time of the attempt
 */
public record Delivery(long sequence, String kind, String url, Map<String, String> headers, String body, int attempt,
                       int status, String responseContentType, String responseBody, String error, Instant at) {
}
