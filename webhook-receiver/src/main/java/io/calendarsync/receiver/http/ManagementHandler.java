package io.calendarsync.receiver.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * /healthz (liveness: the process serves requests), /readyz (readiness: Redis answers, so a replica that cannot
 * enqueue leaves the Service instead of answering 503 to every vendor) and /metrics (Prometheus). Served on the
 * management port only: none of it is for the internet.
 */
public final class ManagementHandler extends Handler.Abstract.NonBlocking {

  private final Supplier<CompletableFuture<Boolean>> ready;
  private final PrometheusMeterRegistry registry;

  public ManagementHandler(Supplier<CompletableFuture<Boolean>> ready, PrometheusMeterRegistry registry) {
    this.ready = ready;
    this.registry = registry;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!"GET".equals(request.getMethod())) {
      return false;
    }
    switch (request.getHttpURI().getPath()) {
      case "/healthz" -> Reply.text(200, "ok").send(response, callback);
      case "/readyz" -> ready.get().thenAccept(isReady ->
          (isReady ? Reply.text(200, "ready") : Reply.text(503, "not ready: Redis does not answer"))
              .send(response, callback));
      case "/metrics" -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape(),
          Map.of()).send(response, callback);
      default -> {
        return false;
      }
    }
    return true;
  }
}
