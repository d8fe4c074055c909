package io.calendarsync.operator.vendor.google;

import com.google.api.client.http.javanet.ConnectionFactory;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Opens the client library's connections as usual and remembers them, so a test can read what was sent. */
final class RecordedConnections implements ConnectionFactory {

  private static final Set<String> WRITING_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final List<HttpURLConnection> opened = new CopyOnWriteArrayList<>();

  @Override
  public HttpURLConnection openConnection(URL url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    opened.add(connection);
    return connection;
  }

  /** {@code METHOD url} of every request that writes. */
  List<String> writes() {
    return opened.stream()
        .filter(c -> WRITING_METHODS.contains(c.getRequestMethod()))
        .map(c -> c.getRequestMethod() + " " + c.getURL())
        .toList();
  }
}
