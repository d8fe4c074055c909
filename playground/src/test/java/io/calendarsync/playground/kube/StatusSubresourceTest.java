package io.calendarsync.playground.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The status subresource contract the operator relies on: spec and status have separate writers, and
 * metadata.generation moves only with the spec, so observedGeneration means something.
 */
class StatusSubresourceTest {

  private static final String API_VERSION = "calendarsync.io/v1alpha1";
  private static final String NS = "status-tests";

  private static PlaygroundApiServer server;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    server = PlaygroundApiServer.start(0, Path.of(System.getProperty("crds.dir", "../crds")));
    client = server.client();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aStatusWriteChangesOnlyStatus() {
    create("status-only", Map.of("phase", "Pending"));
    GenericKubernetesResource current = provider("status-only").get();
    String resourceVersion = current.getMetadata().getResourceVersion();
    spec(current).put("vendor", "Microsoft");
    current.getMetadata().setLabels(Map.of("sneaky", "label"));
    current.getAdditionalProperties().put("status", Map.of("phase", "Connected", "openConflicts", 1));

    GenericKubernetesResource answered = client.genericKubernetesResources(API_VERSION, "CalendarProvider")
        .inNamespace(NS).resource(current).updateStatus();

    GenericKubernetesResource stored = provider("status-only").get();
    assertThat(status(stored)).containsEntry("phase", "Connected").containsEntry("openConflicts", 1);
    assertThat(spec(stored)).containsEntry("vendor", "Google");
    assertThat(stored.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(stored.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(stored.getMetadata().getResourceVersion()).isNotEqualTo(resourceVersion);
    assertThat(answered.getMetadata().getResourceVersion()).isEqualTo(stored.getMetadata().getResourceVersion());
  }

  @Test
  void aWriteToTheMainResourceNeverChangesStatusAndBumpsGenerationOnlyForSpec() {
    create("main-write", null);
    GenericKubernetesResource withStatus = provider("main-write").get();
    withStatus.getAdditionalProperties().put("status", Map.of("phase", "Connected"));
    client.genericKubernetesResources(API_VERSION, "CalendarProvider").inNamespace(NS).resource(withStatus)
        .updateStatus();

    GenericKubernetesResource current = provider("main-write").get();
    current.getMetadata().setLabels(Map.of("team", "blue"));
    current.getAdditionalProperties().put("status", Map.of("phase", "Error"));
    client.genericKubernetesResources(API_VERSION, "CalendarProvider").inNamespace(NS).resource(current).update();
    GenericKubernetesResource labelled = provider("main-write").get();
    assertThat(status(labelled)).containsEntry("phase", "Connected");
    assertThat(labelled.getMetadata().getLabels()).containsEntry("team", "blue");
    assertThat(labelled.getMetadata().getGeneration()).isEqualTo(1L);

    spec(labelled).put("suspend", true);
    labelled.getAdditionalProperties().put("status", Map.of("phase", "Error"));
    client.genericKubernetesResources(API_VERSION, "CalendarProvider").inNamespace(NS).resource(labelled).update();
    GenericKubernetesResource suspended = provider("main-write").get();
    assertThat(spec(suspended)).containsEntry("suspend", true);
    assertThat(status(suspended)).containsEntry("phase", "Connected");
    assertThat(suspended.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void aCreateDropsStatus() {
    create("created-with-status", Map.of("phase", "Connected"));
    assertThat(provider("created-with-status").get().getAdditionalProperties()).doesNotContainKey("status");
  }

  @Test
  void aStatusWriteFromAStaleReadConflicts() {
    create("stale", null);
    GenericKubernetesResource first = provider("stale").get();
    GenericKubernetesResource second = provider("stale").get();
    first.getAdditionalProperties().put("status", Map.of("phase", "Connected"));
    client.genericKubernetesResources(API_VERSION, "CalendarProvider").inNamespace(NS).resource(first).updateStatus();

    second.getAdditionalProperties().put("status", Map.of("phase", "Error"));
    assertThatThrownBy(() -> client.genericKubernetesResources(API_VERSION, "CalendarProvider").inNamespace(NS)
        .resource(second).updateStatus())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(status(provider("stale").get())).containsEntry("phase", "Connected");
  }

  @Test
  @SuppressWarnings("unchecked")
  void mergePatchesReplaceListsInStatusAndSpecAlike() throws Exception {
    create("lists", null);
    String path = "/apis/calendarsync.io/v1alpha1/namespaces/" + NS + "/calendarproviders/lists";
    assertThat(patch(path + "/status", """
        {"status":{"conditions":[{"type":"Ready","status":"False"},{"type":"Synced","status":"False"}]}}""")
        .statusCode()).isEqualTo(200);
    assertThat(patch(path + "/status", """
        {"status":{"conditions":[{"type":"Ready","status":"True"}]}}""").statusCode()).isEqualTo(200);
    assertThat((List<Object>) status(provider("lists").get()).get("conditions"))
        .containsExactly(Map.of("type", "Ready", "status", "True"));

    assertThat(patch(path, "{\"metadata\":{\"finalizers\":[\"a/b\",\"c/d\"]}}").statusCode()).isEqualTo(200);
    assertThat(patch(path, "{\"metadata\":{\"finalizers\":[\"e/f\"]}}").statusCode()).isEqualTo(200);
    GenericKubernetesResource stored = provider("lists").get();
    assertThat(stored.getMetadata().getFinalizers()).containsExactly("e/f");
    assertThat(stored.getMetadata().getGeneration()).isEqualTo(1L);
    patch(path, "{\"metadata\":{\"finalizers\":null}}");
  }

  @Test
  void builtInsWithoutAStatusSubresourceHaveNoStatusPath() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(server.url() + "/api/v1/namespaces/" + NS + "/secrets/nothing/status")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> patch(String path, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path))
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/merge-patch+json").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void create(String name, Map<String, Object> status) {
    GenericKubernetesResource provider = new GenericKubernetesResource();
    provider.setApiVersion(API_VERSION);
    provider.setKind("CalendarProvider");
    provider.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
    provider.getAdditionalProperties().put("spec", new HashMap<>(Map.of("vendor", "Google", "calendarId", "primary",
        "credentialsSecretRef", Map.of("name", "creds"), "tenant", NS, "userId", name)));
    if (status != null) {
      provider.getAdditionalProperties().put("status", status);
    }
    client.genericKubernetesResources(API_VERSION, "CalendarProvider").inNamespace(NS).resource(provider).create();
  }

  private static Resource<GenericKubernetesResource> provider(String name) {
    return client.genericKubernetesResources(API_VERSION, "CalendarProvider").inNamespace(NS).withName(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> status(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("status");
  }
}
