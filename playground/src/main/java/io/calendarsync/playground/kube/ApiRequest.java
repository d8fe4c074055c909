package io.calendarsync.playground.kube;

import io.fabric8.mockwebserver.http.RecordedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An HTTP request to the API server: method, path, decoded query parameters, headers and body. */
final class ApiRequest {

  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, String> headers;
  private final byte[] body;

  ApiRequest(String method, String target, Map<String, String> headers, byte[] body) {
    this.method = method.toUpperCase(Locale.ROOT);
    int q = target.indexOf('?');
    this.path = q < 0 ? target : target.substring(0, q);
    this.query = parseQuery(q < 0 ? "" : target.substring(q + 1));
    Map<String, String> lower = new LinkedHashMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    this.headers = lower;
    this.body = body == null ? new byte[0] : body;
  }

  private ApiRequest(ApiRequest original, byte[] jsonBody) {
    this.method = original.method;
    this.path = original.path;
    this.query = original.query;
    Map<String, String> headers = new LinkedHashMap<>(original.headers);
    headers.put("content-type", "application/json");
    this.headers = headers;
    this.body = jsonBody;
  }

  /** The same request with its body replaced by JSON (after decoding another wire format). */
  ApiRequest withJsonBody(byte[] jsonBody) {
    return new ApiRequest(this, jsonBody);
  }

  static ApiRequest of(RecordedRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    request.getHeaders().toMultimap().forEach((k, v) -> headers.put(k, String.join(",", v)));
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
    return new ApiRequest(request.getMethod(), request.getPath(), headers, body);
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  /** The first value of a query parameter, or null. */
  String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  boolean flag(String name) {
    String value = param(name);
    return "true".equalsIgnoreCase(value) || "1".equals(value);
  }

  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  String accept() {
    String accept = header("accept");
    return accept == null ? "" : accept;
  }

  /** Whether the client asked for a {@code meta.k8s.io} Table (kubectl get does). */
  boolean wantsTable() {
    for (String candidate : accept().split(",")) {
      String c = candidate.replace(" ", "");
      if (c.contains("as=Table") && (c.contains("g=meta.k8s.io") || !c.contains("g="))) {
        return true;
      }
    }
    return false;
  }

  String contentType() {
    String type = header("content-type");
    if (type == null) {
      return "";
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  byte[] body() {
    return body;
  }

  String bodyUtf8() {
    return new String(body, StandardCharsets.UTF_8);
  }

  boolean isWatch() {
    return "GET".equals(method) && flag("watch");
  }

  boolean dryRun() {
    return param("dryRun") != null && !param("dryRun").isEmpty();
  }

  private static Map<String, List<String>> parseQuery(String query) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return result;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query);
  }
}
