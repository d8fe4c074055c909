package io.calendarsync.receiver.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to answer: status, optional body, extra headers. Every reply is marked uncacheable and not to be sniffed, so a
 * body that repeats request input (the Graph validation token) can never be taken for HTML.
 */
public record Reply(int status, String contentType, String body, Map<String, String> headers) {

  public Reply {
    headers = Map.copyOf(headers);
  }

  public static Reply empty(int status) {
    return new Reply(status, null, null, Map.of());
  }

  public static Reply text(int status, String text) {
    return new Reply(status, "text/plain; charset=utf-8", text, Map.of());
  }

  /** An HTML page that may load nothing and run nothing, and whose URL (it may hold an OAuth code) is never passed on. */
  public static Reply html(int status, String html) {
    return new Reply(status, "text/html; charset=utf-8", html, Map.of(
        "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'",
        "Referrer-Policy", "no-referrer",
        "X-Frame-Options", "DENY"));
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, body, more);
  }

  public void send(Response response, Callback callback) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    headers.forEach(response.getHeaders()::put);
    if (body == null) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
      response.write(true, BufferUtil.EMPTY_BUFFER, callback);
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    Content.Sink.write(response, true, body, callback);
  }
}
