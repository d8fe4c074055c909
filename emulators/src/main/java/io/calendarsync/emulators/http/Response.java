package io.calendarsync.emulators.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

public record Response(int status, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json; charset=UTF-8";

    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response json(int status, JsonNode body) {
        return new Response(status, Map.of("Content-Type", JSON), Json.bytes(body));
    }

    public static Response json(JsonNode body) {
        return json(200, body);
    }

    public static Response noContent() {
        return new Response(204, Map.of(), new byte[0]);
    }

    public static Response text(int status, String contentType, String text) {
        return new Response(status, Map.of("Content-Type", contentType), text.getBytes(StandardCharsets.UTF_8));
    }

    public static Response redirect(String location) {
        return new Response(302, Map.of("Location", location), new byte[0]);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }

    public Response withHeaders(Map<String, String> extra) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.putAll(extra);
        return new Response(status, copy, body);
    }
}
