package io.calendarsync.operator.support;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/** The fabric8 mock API server in CRUD mode with the project's checked-in CRDs installed. */
public final class MockKubernetes implements AutoCloseable {

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final WriteCountingDispatcher dispatcher;

  public MockKubernetes() {
    this(0);
  }

  /** @param port where to listen on 127.0.0.1; 0 picks a free port */
  public MockKubernetes(int port) {
    Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    dispatcher = new WriteCountingDispatcher(new KubernetesMixedDispatcher(expectations));
    server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations, dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), port);
    client = server.createClient();
    for (CustomResourceDefinition crd : crds()) {
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
  }

  /** The CRDs exactly as checked in under crds/ (the api module's tests keep them equal to the classes). */
  public static List<CustomResourceDefinition> crds() {
    Path dir = Path.of(System.getProperty("crds.dir", "../crds"));
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yml")).sorted().map(f -> {
        try {
          return Serialization.unmarshal(Files.readString(f), CustomResourceDefinition.class);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CRDs from " + dir.toAbsolutePath(), e);
    }
  }

  /**
   * Answers the RBAC self-check JOSDK makes before leader election the way a real API server does for a
   * ServiceAccount bound to the chart's Lease Role (the CRUD mock cannot evaluate RBAC).
   */
  public void grantLeaseAccess() {
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, new SelfSubjectRulesReviewBuilder()
            .withNewStatus()
            .withIncomplete(false)
            .withResourceRules(new ResourceRuleBuilder()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("get", "create", "update")
                .build())
            .endStatus()
            .build())
        .always();
  }

  /** The next {@code method} request on {@code path} fails with {@code status}, as when RBAC or an admission webhook refuses it. */
  public void failOnce(String method, String path, int status) {
    var expectation = switch (method) {
      case "POST" -> server.expect().post();
      case "PUT" -> server.expect().put();
      case "PATCH" -> server.expect().patch();
      default -> throw new IllegalArgumentException("not a write: " + method);
    };
    expectation.withPath(path).andReturn(status, new StatusBuilder().withCode(status).withMessage("injected failure")
        .build()).once();
  }

  public KubernetesClient client() {
    return client;
  }

  /** A second, independent client: what another operator replica would use. */
  public KubernetesClient newClient() {
    return server.createClient();
  }

  /** API writes received so far, by method and resource (e.g. {@code PATCH calendarproviders/status}). */
  public Map<String, Long> writes() {
    return dispatcher.counts();
  }

  public String url() {
    return client.getConfiguration().getMasterUrl();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
