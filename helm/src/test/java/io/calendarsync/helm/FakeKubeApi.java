package io.calendarsync.helm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few Kubernetes API endpoints the chart's `lookup` of its encryption-key Secret needs.
 *
 * <p>Why it exists: helm-java 0.0.21 renders `template` as a client-only install whose template engine still talks to
 * the cluster, so `lookup` fails with "connection refused" where the helm CLI would return nothing. Answering it here
 * keeps the default render testable and lets a test prove that an existing key survives an upgrade. Helm finds this
 * server through the kubeconfig at $KUBECONFIG (set by surefire, see pom.xml), which {@link #start()} writes.
 */
final class FakeKubeApi {

  private static final Pattern SECRET_PATH = Pattern.compile("^/api/v1/namespaces/([^/]+)/secrets/([^/]+)$");

  private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

  private FakeKubeApi() {}

  static FakeKubeApi start() {
    String kubeconfig = System.getenv("KUBECONFIG");
    if (kubeconfig == null || kubeconfig.isBlank()) {
      throw new IllegalStateException("KUBECONFIG is not set: run the chart tests through Maven (helm/pom.xml sets it), "
          + "or set it to a writable file path");
    }
    FakeKubeApi api = new FakeKubeApi();
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", api::handle);
      server.start();
      Path file = Path.of(kubeconfig);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, """
          apiVersion: v1
          kind: Config
          clusters:
            - name: fake
              cluster:
                server: http://127.0.0.1:%d
          users:
            - name: fake
              user: {}
          contexts:
            - name: fake
              context: {cluster: fake, user: fake}
          current-context: fake
          """.formatted(server.getAddress().getPort()));
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes the Secret exist in the cluster until {@link #clear()}. */
  void put(Secret secret) {
    secrets.put(secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName(), secret);
  }

  void clear() {
    secrets.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Matcher secret = SECRET_PATH.matcher(path);
      if (path.equals("/api/v1")) {
        // Discovery: how lookup learns that v1 Secrets exist and are namespaced.
        respond(exchange, 200, new APIResourceListBuilder()
            .withGroupVersion("v1")
            .addToResources(new APIResourceBuilder()
                .withName("secrets").withSingularName("secret").withKind("Secret").withNamespaced(true)
                .withVerbs("get", "list").build())
            .build());
      } else if (secret.matches() && secrets.containsKey(secret.group(1) + "/" + secret.group(2))) {
        respond(exchange, 200, secrets.get(secret.group(1) + "/" + secret.group(2)));
      } else {
        respond(exchange, 404, new StatusBuilder()
            .withStatus("Failure").withReason("NotFound").withCode(404).withMessage(path + " not found").build());
      }
    }
  }

  private static void respond(HttpExchange exchange, int code, Object body) throws IOException {
    byte[] json = Serialization.asJson(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, json.length);
    exchange.getResponseBody().write(json);
  }
}
