package io.calendarsync.receiver.http;

import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.time.Duration;
import java.util.List;

/**
 * One Jetty server with two connectors: the public one (webhooks, OAuth callbacks; what the Ingress routes to) and the
 * management one (health, metrics). Each connector only reaches its own handlers, so /metrics can never be fetched
 * through the Ingress, and a NetworkPolicy can treat the two ports differently.
 */
public final class ReceiverServer implements AutoCloseable {

  private static final String PUBLIC = "public";
  private static final String MANAGEMENT = "management";
  /** Time in-flight requests get to finish on shutdown; more than the Redis deadline. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Server server;
  private final ServerConnector publicConnector;
  private final ServerConnector managementConnector;

  private ReceiverServer(Server server, ServerConnector publicConnector, ServerConnector managementConnector) {
    this.server = server;
    this.publicConnector = publicConnector;
    this.managementConnector = managementConnector;
  }

  public static ReceiverServer start(int port, int managementPort, Handler publicHandler, Handler managementHandler)
      throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("receiver-http");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    // Behind the Ingress the request URL (OAuth redirect URI) is the public one only with X-Forwarded-*.
    http.addCustomizer(new ForwardedRequestCustomizer());
    ServerConnector publicConnector = connector(server, http, PUBLIC, port);
    ServerConnector managementConnector = connector(server, http, MANAGEMENT, managementPort);
    server.setConnectors(new ServerConnector[] {publicConnector, managementConnector});
    server.setHandler(new GracefulHandler(new ContextHandlerCollection(
        onConnector(PUBLIC, publicHandler), onConnector(MANAGEMENT, managementHandler))));
    server.setErrorHandler(new PlainErrorHandler());
    server.setStopTimeout(STOP_TIMEOUT.toMillis());
    server.start();
    return new ReceiverServer(server, publicConnector, managementConnector);
  }

  public int port() {
    return publicConnector.getLocalPort();
  }

  public int managementPort() {
    return managementConnector.getLocalPort();
  }

  /** Stops accepting, lets in-flight requests finish (up to the stop timeout), then stops. */
  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static ServerConnector connector(Server server, HttpConfiguration http, String name, int port) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setName(name);
    connector.setPort(port);
    return connector;
  }

  /** A context reachable only through the named connector (Jetty's "@connector" virtual host). */
  private static ContextHandler onConnector(String connector, Handler handler) {
    ContextHandler context = new ContextHandler(handler, "/");
    context.setVirtualHosts(List.of("@" + connector));
    return context;
  }
}
