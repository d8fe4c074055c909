package io.calendarsync.operator.support;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the writes (POST, PUT, PATCH, DELETE) the API server receives, by method and kind of path, so tests and
 * benchmarks can say how many API writes the operator made. {@code GET /_writes} answers the counts as JSON (for a
 * server running in another process).
 */
final class WriteCountingDispatcher extends Dispatcher {

  static final String COUNTS_PATH = "/_writes";

  private final Dispatcher delegate;
  private final Map<String, LongAdder> writes = new ConcurrentHashMap<>();

  WriteCountingDispatcher(Dispatcher delegate) {
    this.delegate = delegate;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (COUNTS_PATH.equals(request.getPath())) {
      return new MockResponse().setResponseCode(200).setBody(countsJson());
    }
    String method = request.getMethod();
    if (!"GET".equals(method)) {
      writes.computeIfAbsent(method + " " + category(request.getPath()), k -> new LongAdder()).increment();
    }
    return delegate.dispatch(request);
  }

  Map<String, Long> counts() {
    Map<String, Long> snapshot = new TreeMap<>();
    writes.forEach((k, v) -> snapshot.put(k, v.sum()));
    return snapshot;
  }

  private String countsJson() {
    StringBuilder json = new StringBuilder("{");
    counts().forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return json.append('}').toString();
  }

  /** The resource plural plus "/status" for status writes: enough to tell the operator's writes apart. */
  private static String category(String path) {
    String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    String[] parts = withoutQuery.split("/");
    boolean status = withoutQuery.endsWith("/status");
    for (int i = parts.length - 1; i > 0; i--) {
      if ("namespaces".equals(parts[i - 1]) && i + 1 < parts.length) {
        return parts[i + 1] + (status ? "/status" : "");
      }
    }
    return parts.length > 0 ? parts[parts.length - 1] : withoutQuery;
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }
}
