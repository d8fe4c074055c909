package io.calendarsync.emulators.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failed API call, thrown anywhere below a handler and turned into a vendor-shaped body by the emulator's
 * {@link ErrorDialect}. Shared plumbing leaves {@code code} and {@code message} null so each vendor fills in what it
 * would answer for that status; vendor code names them explicitly.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    private ApiError(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public ApiError withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiError(status, code, getMessage(), copy);
    }

    public int status() {
        return status;
    }

    /** Vendor error code or reason; null means the vendor's usual one for this status. */
    public String code() {
        return code;
    }

    /** Null means the vendor's usual message for this status. */
    public String message() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }
}
