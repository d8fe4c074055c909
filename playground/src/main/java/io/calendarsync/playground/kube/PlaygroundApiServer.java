package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.http.MockResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * An embedded Kubernetes API server that a real {@code kubectl} can drive: fabric8's CRUD mock server for storage,
 * behind a layer that adds what kubectl and the operator need from kube-apiserver (discovery, OpenAPI v3, Tables
 * with printer columns, strategic merge and list-replacing merge patches, status subresource semantics, defaulting
 * and validation of custom resources, field and label selectors, streaming watches, garbage collection). Plain HTTP
 * on 127.0.0.1, no authentication. See the playground README for what it does not do.
 *
 * <pre>{@code
 * try (PlaygroundApiServer api = PlaygroundApiServer.start(0, Path.of("crds"))) {
 *   api.writeKubeconfig(Path.of("target/kubeconfig"));   // kubectl --kubeconfig target/kubeconfig get calprov -A
 *   api.client().namespaces().list();
 * }
 * }</pre>
 */
public final class PlaygroundApiServer implements AutoCloseable {

  /** The port {@link #main} listens on unless told otherwise: where {@code kubectl proxy} would serve plain HTTP. */
  public static final int DEFAULT_PORT = 8001;

  /** The Kubernetes version announced on {@code /version}, so version-matching kubectl wrappers pick a 1.32 client. */
  static final String KUBERNETES_VERSION = "v1.32.0";

  private static final List<String> INITIAL_NAMESPACES = List.of("default", "kube-system", "kube-public",
      "kube-node-lease");

  private final ApiHttpServer http;
  private final WatchHub hub;
  private final GarbageCollector garbageCollector;
  private final PlaygroundDispatcher dispatcher;
  private final String url;
  private volatile KubernetesClient client;

  private PlaygroundApiServer(ApiHttpServer http, WatchHub hub, GarbageCollector garbageCollector,
      PlaygroundDispatcher dispatcher, String url) {
    this.http = http;
    this.hub = hub;
    this.garbageCollector = garbageCollector;
    this.dispatcher = dispatcher;
    this.url = url;
  }

  /**
   * Starts the server on 127.0.0.1 with the namespaces a cluster starts with and the CRDs found in a directory.
   *
   * @param port the port, 0 for a free one
   * @param crdDirectory a directory of CustomResourceDefinition YAML files ({@code *.yml}, {@code *.yaml}), installed
   *     in file-name order; null for none
   */
  public static PlaygroundApiServer start(int port, Path crdDirectory) {
    ResourceCatalog catalog = new ResourceCatalog();
    WatchHub hub = new WatchHub(20_000);
    hub.listen(new CrdController(catalog));
    ObjectStore store = new ObjectStore(catalog, hub);
    DiscoveryDocuments discovery = new DiscoveryDocuments(catalog);
    PlaygroundDispatcher dispatcher = new PlaygroundDispatcher(catalog, store, discovery);
    GarbageCollector garbageCollector = new GarbageCollector(dispatcher);
    hub.listen(garbageCollector);
    ApiHttpServer http = new ApiHttpServer(dispatcher, new WatchService(dispatcher, hub));
    int actualPort;
    try {
      actualPort = http.start("127.0.0.1", port);
    } catch (RuntimeException e) {
      garbageCollector.close();
      throw e;
    }
    discovery.serverAddress("127.0.0.1:" + actualPort);
    PlaygroundApiServer server = new PlaygroundApiServer(http, hub, garbageCollector, dispatcher,
        "http://127.0.0.1:" + actualPort);
    try {
      for (String namespace : INITIAL_NAMESPACES) {
        ObjectNode ns = Json.object();
        ns.put("apiVersion", "v1");
        ns.put("kind", "Namespace");
        ns.putObject("metadata").put("name", namespace);
        server.internal("POST", "/api/v1/namespaces", ns);
      }
      if (crdDirectory != null) {
        for (JsonNode crd : readCrds(crdDirectory)) {
          server.internal("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
        }
      }
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The base URL, such as {@code http://127.0.0.1:8001}. */
  public String url() {
    return url;
  }

  /** A fabric8 client for this server (default namespace {@code default}); closed with the server. */
  public KubernetesClient client() {
    KubernetesClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client = newClient();
        }
        c = client;
      }
    }
    return c;
  }

  /** Another, independent fabric8 client for this server; the caller closes it. */
  public KubernetesClient newClient() {
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withNamespace("default")
        .withRequestTimeout(30_000)
        .withConnectionTimeout(10_000)
        .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * Writes a kubeconfig whose current context {@code playground} points at this server (namespace {@code default}).
   *
   * @return the file
   */
  public Path writeKubeconfig(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, Kubeconfig.render(url, "default"), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kubeconfig " + file, e);
    }
  }

  /** How many client watches are open on one namespace (tests wait for kubectl's watch before changing things). */
  int openWatches(String namespace) {
    return hub.watcherCount(namespace);
  }

  @Override
  public void close() {
    KubernetesClient c = client;
    if (c != null) {
      c.close();
    }
    garbageCollector.close();
    http.close();
  }

  private void internal(String method, String path, JsonNode body) {
    MockResponse response = dispatcher.handle(new ApiRequest(method, path, Map.of("Content-Type", "application/json"),
        Json.write(body).getBytes(StandardCharsets.UTF_8)));
    if (response.code() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + response.code() + ": "
          + (response.getBody() == null ? "" : response.getBody().readUtf8()));
    }
  }

  static List<JsonNode> readCrds(Path directory) {
    YAMLMapper yaml = new YAMLMapper();
    List<JsonNode> crds = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
          .sorted().toList()) {
        try (var parser = yaml.createParser(file.toFile())) {
          for (var it = yaml.readValues(parser, JsonNode.class); it.hasNext();) {
            JsonNode document = it.next();
            if (document != null && "CustomResourceDefinition".equals(document.path("kind").asText())) {
              crds.add(document);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CRDs from " + directory.toAbsolutePath(), e);
    }
    if (crds.isEmpty()) {
      throw new IllegalArgumentException("no CustomResourceDefinition in " + directory.toAbsolutePath());
    }
    return crds;
  }

  static ObjectNode versionInfo() {
    ObjectNode version = Json.object();
    version.put("major", "1");
    version.put("minor", "32");
    version.put("gitVersion", KUBERNETES_VERSION);
    version.put("gitCommit", "playground");
    version.put("gitTreeState", "clean");
    version.put("buildDate", "2024-12-11T00:00:00Z");
    version.put("goVersion", "go1.23");
    version.put("compiler", "gc");
    version.put("platform", "linux/amd64");
    return version;
  }

  /**
   * Runs the server until Ctrl-C: {@code [--port N] [--crds DIR] [--kubeconfig FILE]}. Defaults: port
   * {@value #DEFAULT_PORT} (or env {@code PLAYGROUND_KUBE_PORT}), CRDs from the system property {@code crds.dir} or
   * {@code ./crds}, kubeconfig at {@code <tmp>/calendar-sync-playground/kubeconfig}.
   */
  public static void main(String[] args) throws InterruptedException {
    int port = System.getenv("PLAYGROUND_KUBE_PORT") == null ? DEFAULT_PORT
        : Integer.parseInt(System.getenv("PLAYGROUND_KUBE_PORT"));
    Path crds = Path.of(System.getProperty("crds.dir", "crds"));
    Path kubeconfig = Path.of(System.getProperty("java.io.tmpdir"), "calendar-sync-playground", "kubeconfig");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--crds" -> crds = Path.of(args[++i]);
        case "--kubeconfig" -> kubeconfig = Path.of(args[++i]);
        default -> {
          System.err.println("usage: PlaygroundApiServer [--port N] [--crds DIR] [--kubeconfig FILE]");
          System.exit(2);
        }
      }
    }
    PlaygroundApiServer server = start(port, crds);
    Path written = server.writeKubeconfig(kubeconfig).toAbsolutePath();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "playground-kube-shutdown"));
    System.out.println("Playground Kubernetes API server listening on " + server.url());
    System.out.println("CRDs installed from " + crds.toAbsolutePath());
    System.out.println("kubeconfig written to " + written);
    System.out.println();
    System.out.println("  export KUBECONFIG=" + written);
    System.out.println("  kubectl get calendarproviders -A");
    System.out.println();
    System.out.println("Ctrl-C stops it (all objects are in memory and are lost).");
    stopped.await();
  }
}
