package io.calendarsync.playground.kube;

import io.fabric8.mockwebserver.http.MockResponse;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP side, on Vert.x (which the fabric8 mock web server already brings): plain requests go to the
 * {@link PlaygroundDispatcher} on a worker thread; watches are streamed, which the mock web server cannot do for
 * kubectl (it only upgrades watches to WebSockets and answers with one buffered body):
 * <ul>
 *   <li>a plain {@code GET ...?watch=true} (kubectl) gets a chunked {@code application/json} response with one watch
 *       event per line, until the client leaves or {@code timeoutSeconds} passes;</li>
 *   <li>the same with {@code Upgrade: websocket} (fabric8 clients, informers) gets one event per text frame.</li>
 * </ul>
 */
final class ApiHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHttpServer.class);

  private final PlaygroundDispatcher dispatcher;
  private final WatchService watches;
  private final Vertx vertx;
  private HttpServer server;

  ApiHttpServer(PlaygroundDispatcher dispatcher, WatchService watches) {
    this.dispatcher = dispatcher;
    this.watches = watches;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(16));
  }

  /** Listens on host:port (0 = a free port) and returns the port. */
  int start(String host, int port) {
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
        .setHandle100ContinueAutomatically(true)
        .setHttp2ClearTextEnabled(false)
        .setMaxWebSocketFrameSize(16 * 1024 * 1024)
        .setMaxWebSocketMessageSize(64 * 1024 * 1024);
    server = vertx.createHttpServer(options).requestHandler(this::handle);
    try {
      return server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
    }
  }

  private void handle(HttpServerRequest http) {
    Context context = vertx.getOrCreateContext();
    // a WebSocket upgrade must not be read as a body first (Vert.x then refuses the upgrade)
    io.vertx.core.Future<Buffer> read = hasBody(http) ? http.body() : io.vertx.core.Future.succeededFuture(null);
    read.onFailure(e -> http.response().setStatusCode(400).end()).onSuccess(body -> {
      Map<String, String> headers = new LinkedHashMap<>();
      http.headers().forEach(h -> headers.merge(h.getKey(), h.getValue(), (a, b) -> a + "," + b));
      ApiRequest request = new ApiRequest(http.method().name(), http.uri(), headers,
          body == null ? new byte[0] : body.getBytes());
      if (request.isWatch()) {
        watch(http, request, context);
        return;
      }
      vertx.executeBlocking(() -> dispatcher.handle(request), false).onComplete(result -> {
        if (result.failed()) {
          LOG.warn("{} failed", request, result.cause());
          http.response().setStatusCode(500).end();
        } else {
          send(http.response(), result.result());
        }
      });
    });
  }

  private static boolean hasBody(HttpServerRequest http) {
    String length = http.getHeader("Content-Length");
    if (length != null && !length.isBlank()) {
      try {
        return Long.parseLong(length.trim()) > 0;
      } catch (NumberFormatException e) {
        return true;
      }
    }
    String encoding = http.getHeader("Transfer-Encoding");
    return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
  }

  private static void send(HttpServerResponse response, MockResponse mock) {
    response.setStatusCode(mock.code());
    mock.getHeaders().toMultimap().forEach((name, values) -> response.headers().add(name, values));
    if (mock.getBody() != null && mock.getBody().size() > 0) {
      response.end(Buffer.buffer(mock.getBody().getBytes()));
    } else {
      response.end();
    }
  }

  private void watch(HttpServerRequest http, ApiRequest request, Context context) {
    ResourcePath target;
    try {
      target = watches.target(request);
    } catch (ApiException e) {
      send(http.response(), PlaygroundDispatcher.json(e.code(), e.status()));
      return;
    }
    String upgrade = http.getHeader("Upgrade");
    if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
      http.toWebSocket().onFailure(e -> LOG.debug("WebSocket upgrade failed for {}", request, e))
          .onSuccess(ws -> webSocketWatch(ws, request, target));
      return;
    }
    HttpServerResponse response = http.response();
    response.setStatusCode(200).setChunked(true)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache, private");
    response.writeHead();
    AtomicBoolean closed = new AtomicBoolean();
    AtomicReference<WatchService.Subscription> subscription = new AtomicReference<>();
    Runnable stop = () -> {
      if (closed.compareAndSet(false, true)) {
        WatchService.Subscription s = subscription.get();
        if (s != null) {
          s.close();
        }
      }
    };
    response.closeHandler(v -> stop.run());
    response.exceptionHandler(e -> stop.run());
    long timeout = timeoutMillis(request);
    if (timeout > 0) {
      vertx.setTimer(timeout, id -> {
        stop.run();
        if (!response.ended()) {
          response.end();
        }
      });
    }
    vertx.executeBlocking(() -> watches.open(request, target, line -> context.runOnContext(v -> {
      if (!closed.get() && !response.ended() && !response.closed()) {
        response.write(line + "\n");
      }
    })), false).onComplete(result -> {
      if (result.failed()) {
        LOG.warn("watch {} failed", request, result.cause());
        stop.run();
        if (!response.ended()) {
          response.end();
        }
        return;
      }
      subscription.set(result.result());
      if (closed.get()) {
        result.result().close();
      }
    });
  }

  private void webSocketWatch(ServerWebSocket ws, ApiRequest request, ResourcePath target) {
    AtomicBoolean closed = new AtomicBoolean();
    AtomicReference<WatchService.Subscription> subscription = new AtomicReference<>();
    Runnable stop = () -> {
      if (closed.compareAndSet(false, true)) {
        WatchService.Subscription s = subscription.get();
        if (s != null) {
          s.close();
        }
      }
    };
    ws.closeHandler(v -> stop.run());
    ws.exceptionHandler(e -> stop.run());
    long timeout = timeoutMillis(request);
    if (timeout > 0) {
      vertx.setTimer(timeout, id -> {
        stop.run();
        if (!ws.isClosed()) {
          ws.close();
        }
      });
    }
    vertx.executeBlocking(() -> watches.open(request, target, line -> {
      if (!closed.get() && !ws.isClosed()) {
        ws.writeTextMessage(line);
      }
    }), false).onComplete(result -> {
      if (result.failed()) {
        LOG.warn("watch {} failed", request, result.cause());
        ws.close();
        return;
      }
      subscription.set(result.result());
      if (closed.get()) {
        result.result().close();
      }
    });
  }

  private static long timeoutMillis(ApiRequest request) {
    String seconds = request.param("timeoutSeconds");
    if (seconds == null || seconds.isEmpty()) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(seconds)) * 1000;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public void close() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    vertx.close().onComplete(v -> closed.complete(null));
    try {
      closed.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("closing the HTTP server", e);
    }
  }

}
