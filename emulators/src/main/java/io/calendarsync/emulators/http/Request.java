package io.calendarsync.emulators.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * An incoming call, already normalised for the client quirks both vendors' SDKs rely on: the Google client gzips
 * bodies and tunnels PATCH through POST with {@code X-HTTP-Method-Override}; the Graph SDK percent-encodes {@code $}
 * in OData parameter names.
 */
public final class Request {

    private final String id;
    private final String method;
    private final String path;
    private final List<String> segments;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String template;
    private final Map<String, String> params;

    private Request(String id, String method, String path, List<String> segments, Map<String, List<String>> query,
                    Map<String, List<String>> headers, byte[] body, String template, Map<String, String> params) {
        this.id = id;
        this.method = method;
        this.path = path;
        this.segments = segments;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.template = template;
        this.params = params;
    }

    static Request read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String encoding = first(headers, "content-encoding");
        byte[] body = raw.length > 0 && "gzip".equalsIgnoreCase(encoding) ? gunzip(raw) : raw;
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String override = first(headers, "x-http-method-override");
        if ("POST".equals(method) && override != null) {
            method = override.toUpperCase(Locale.ROOT);
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decodePathSegment(segment));
            }
        }
        return new Request(UUID.randomUUID().toString(), method, "/" + String.join("/", segments),
                List.copyOf(segments), parseQuery(exchange.getRequestURI().getRawQuery()), headers, body, null,
                Map.of());
    }

    Request routed(String routeTemplate, Map<String, String> pathParams) {
        return new Request(id, method, path, segments, query, headers, body, routeTemplate, Map.copyOf(pathParams));
    }

    /** Parses {@code application/x-www-form-urlencoded} (also used for query strings). */
    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String decodePathSegment(String segment) {
        // In a path '+' is a literal plus, unlike in a form.
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static byte[] gunzip(byte[] raw) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }

    private static String first(Map<String, List<String>> map, String key) {
        List<String> values = map.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Unique per call; Graph echoes it as {@code request-id}. */
    public String id() {
        return id;
    }

    public String method() {
        return method;
    }

    /** The decoded path, starting with '/'. */
    public String path() {
        return path;
    }

    List<String> segments() {
        return segments;
    }

    /** The route template that matched, e.g. {@code /v1.0/me/events/{eventId}}. */
    public String template() {
        return template;
    }

    public String param(String name) {
        return params.get(name);
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(first(query, name)).filter(v -> !v.isEmpty());
    }

    /** All query parameters, decoded, in the order sent. */
    public Map<String, List<String>> queryParameters() {
        return Collections.unmodifiableMap(query);
    }

    public List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(first(headers, name.toLowerCase(Locale.ROOT)));
    }

    public List<String> headers(String name) {
        return Collections.unmodifiableList(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    public ObjectNode json() {
        return Json.parseObject(body);
    }

    public Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        parseQuery(new String(body, StandardCharsets.UTF_8)).forEach((k, v) -> form.put(k, v.get(0)));
        return form;
    }
}
