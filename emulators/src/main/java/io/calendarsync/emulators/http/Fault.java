package io.calendarsync.emulators.http;

import java.time.Duration;

/**
 * A planned misbehaviour: the next {@code times} calls whose method matches and whose path (or route template)
 * fully matches the {@code path} regular expression wait {@code delayMillis}, then fail with {@code status} in the
 * vendor's error shape, or, with status 0, are answered normally (a slow answer).
 *
 * @param method            HTTP method, or null / "*" for any
 * @param path              Java regular expression matched against the decoded path or the route template
 * @param code              vendor reason / error code; null uses the vendor's usual one for the status
 * @param retryAfterSeconds value of a {@code Retry-After} header, or null for none
 */
public record Fault(String method, String path, int status, String code, String message, Integer retryAfterSeconds,
                    long delayMillis, int times) {

    public Fault {
        if (path == null || path.isBlank()) {
            path = ".*";
        }
        if (times <= 0) {
            times = 1;
        }
    }

    /** The next matching call fails with this status. */
    public static Fault status(int status) {
        return new Fault(null, ".*", status, null, null, null, 0, 1);
    }

    /** The next matching call is answered normally, after the delay. */
    public static Fault delay(Duration delay) {
        return new Fault(null, ".*", 0, null, null, null, delay.toMillis(), 1);
    }

    public Fault on(String httpMethod, String pathRegex) {
        return new Fault(httpMethod, pathRegex, status, code, message, retryAfterSeconds, delayMillis, times);
    }

    public Fault withCode(String errorCode, String errorMessage) {
        return new Fault(method, path, status, errorCode, errorMessage, retryAfterSeconds, delayMillis, times);
    }

    public Fault retryAfter(int seconds) {
        return new Fault(method, path, status, code, message, seconds, delayMillis, times);
    }

    public Fault delayed(Duration delay) {
        return new Fault(method, path, status, code, message, retryAfterSeconds, delay.toMillis(), times);
    }

    public Fault times(int count) {
        return new Fault(method, path, status, code, message, retryAfterSeconds, delayMillis, count);
    }

    ApiError toError() {
        ApiError error = new ApiError(status, code, message);
        return retryAfterSeconds == null ? error : error.withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }
}
