package io.calendarsync.playground.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The playground tour, driven by the real kubectl against the embedded API server: every command a platform operator
 * runs from the runbook, asserted on kubectl's own output. Each test works in its own namespace.
 */
class KubectlTourTest {

  private static final String API_VERSION = "calendarsync.io/v1alpha1";
  /** An AGE cell: seconds, or minutes on a very slow machine. */
  private static final String AGE = "(\\d+s|\\d+m(\\d+s)?)";

  @TempDir
  static Path work;

  private static PlaygroundApiServer server;
  private static KubernetesClient client;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() {
    server = PlaygroundApiServer.start(0, Path.of(System.getProperty("crds.dir", "../crds")));
    client = server.client();
    kubectl = new Kubectl(server.writeKubeconfig(work.resolve("kubeconfig")), work);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void applyCreatesThenReappliesUnchangedAndChanged() {
    String ns = "tour-apply";
    List<String> created = kubectl.runWithInput(manifest(ns, "alice", "15m", "client-1", Map.of()), "apply", "-f", "-")
        .ok().lines();
    assertThat(created).containsExactly("namespace/" + ns + " created", "secret/alice created",
        "calendarprovider.calendarsync.io/alice created");

    List<String> again = kubectl.runWithInput(manifest(ns, "alice", "15m", "client-1", Map.of()), "apply", "-f", "-")
        .ok().lines();
    // a Secret written with stringData always reports "configured" (it is stored as data), as on a real cluster
    assertThat(again).contains("namespace/" + ns + " unchanged", "calendarprovider.calendarsync.io/alice unchanged");
    assertThat(provider(ns, "alice").get().getMetadata().getGeneration()).isEqualTo(1L);

    List<String> changed = kubectl.runWithInput(manifest(ns, "alice", "30m", "client-2", Map.of("team", "blue")),
        "apply", "-f", "-").ok().lines();
    assertThat(changed).containsExactly("namespace/" + ns + " configured", "secret/alice configured",
        "calendarprovider.calendarsync.io/alice configured");

    assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels())
        .containsEntry("team", "blue").containsEntry("calendarsync.io/tenant", ns);
    var secret = client.secrets().inNamespace(ns).withName("alice").get();
    assertThat(secret.getStringData()).isNullOrEmpty();
    assertThat(new String(Base64.getDecoder().decode(secret.getData().get("client-id")))).isEqualTo("client-2");
    GenericKubernetesResource provider = provider(ns, "alice").get();
    assertThat(spec(provider)).containsEntry("syncInterval", "30m")
        .containsEntry("syncDirection", "Bidirectional"); // defaulted from the CRD schema
    assertThat(provider.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void getShowsPrinterColumnsWithStatusWrittenThroughTheStatusSubresource() {
    String ns = "tour-get";
    apply(ns, "alice");
    Instant lastSync = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    writeStatus(server.newClient(), ns, "alice", Map.of(
        "phase", "Connected",
        "lastSyncTime", lastSync.toString(),
        "openConflicts", 2,
        "conditions", List.of(
            Map.of("type", "Connected", "status", "True", "reason", "TokenValid"),
            Map.of("type", "Ready", "status", "True", "reason", "Synced"))));

    List<String> lines = kubectl.run("get", "calendarproviders", "-n", ns).ok().lines();
    assertThat(lines.get(0)).isEqualTo("NAME VENDOR CALENDAR DIRECTION STATUS READY LAST SYNC CONFLICTS AGE");
    assertThat(lines.get(1)).matches("alice Google primary Bidirectional Connected True 3h 2 " + AGE);
    assertThat(lines).hasSize(2);
  }

  @Test
  void shortNameCategoryAndYaml() {
    String ns = "tour-names";
    apply(ns, "alice");
    createConflict(ns, "alice-entry-1", "alice");

    assertThat(kubectl.run("get", "calprov", "-n", ns).ok().lines())
        .first().asString().startsWith("NAME VENDOR CALENDAR");
    assertThat(kubectl.run("get", "calprov", "-n", ns).ok().lines()).anyMatch(l -> l.startsWith("alice Google"));

    String category = kubectl.run("get", "calendarsync", "-n", ns).ok().out();
    assertThat(category).contains("calendarprovider.calendarsync.io/alice", "calendarsyncconflict.calendarsync.io/alice-entry-1");

    String yaml = kubectl.run("get", "calprov", "alice", "-n", ns, "-o", "yaml").ok().out();
    assertThat(yaml).contains("apiVersion: calendarsync.io/v1alpha1", "kind: CalendarProvider", "name: alice",
        "namespace: " + ns, "vendor: Google", "calendarId: primary", "generation: 1");
    String json = kubectl.run("get", "calprov", "alice", "-n", ns, "-o", "json").ok().out();
    assertThat(json).contains("\"kind\": \"CalendarProvider\"", "\"userId\": \"alice\"");
    assertThat(kubectl.run("get", "calprov", "alice", "-n", ns, "-o", "jsonpath={.spec.tenant}").ok().out())
        .isEqualTo(ns);
  }

  @Test
  void describeShowsTheResourceAndOnlyItsOwnEvents() {
    String ns = "tour-describe";
    apply(ns, "alice");
    apply(ns, "bob");
    GenericKubernetesResource alice = provider(ns, "alice").get();
    GenericKubernetesResource bob = provider(ns, "bob").get();
    event(ns, "alice.1", alice, "SyncSucceeded", "synced 3 entries");
    event(ns, "bob.1", bob, "BobOnly", "not about alice");
    // an event of an earlier object with the same name (deleted and re-created): same name, other uid
    GenericKubernetesResource stale = provider(ns, "alice").get();
    stale.getMetadata().setUid("a-deleted-alice");
    event(ns, "alice.old", stale, "StaleAlice", "about the previous alice");

    String out = kubectl.run("describe", "calendarprovider", "alice", "-n", ns).ok().out();
    assertThat(out).contains("Name:         alice", "Kind:         CalendarProvider", "Vendor:", "Google",
        "Events:", "SyncSucceeded", "synced 3 entries");
    assertThat(out).doesNotContain("BobOnly", "StaleAlice");
  }

  @Test
  void annotateChangesMetadataButNotGeneration() {
    String ns = "tour-annotate";
    apply(ns, "alice");
    long generation = provider(ns, "alice").get().getMetadata().getGeneration();

    kubectl.run("annotate", "calprov", "alice", "-n", ns, "calendarsync.io/sync-requested-at=2025-01-01T10:00:00Z")
        .ok();
    kubectl.run("label", "calprov", "alice", "-n", ns, "team=blue").ok();

    GenericKubernetesResource after = provider(ns, "alice").get();
    assertThat(after.getMetadata().getAnnotations())
        .containsEntry("calendarsync.io/sync-requested-at", "2025-01-01T10:00:00Z");
    assertThat(after.getMetadata().getLabels()).containsEntry("team", "blue");
    assertThat(after.getMetadata().getGeneration()).isEqualTo(generation);
    assertThat(kubectl.run("get", "calprov", "-n", ns, "-l", "team=blue", "-o", "name").ok().out().trim())
        .isEqualTo("calendarprovider.calendarsync.io/alice");
    assertThat(kubectl.run("get", "calprov", "-n", ns, "-l", "team!=blue", "-o", "name").ok().out()).isBlank();
  }

  @Test
  void mergePatchBumpsGenerationAndReplacesLists() {
    String ns = "tour-patch";
    apply(ns, "alice");
    writeStatus(client, ns, "alice", Map.of("conditions", List.of(
        Map.of("type", "Ready", "status", "False", "reason", "Pending"),
        Map.of("type", "Connected", "status", "False", "reason", "Pending"))));

    kubectl.run("patch", "calprov", "alice", "-n", ns, "--type", "merge", "-p", "{\"spec\":{\"suspend\":true}}")
        .ok();
    GenericKubernetesResource patched = provider(ns, "alice").get();
    assertThat(spec(patched)).containsEntry("suspend", true);
    assertThat(patched.getMetadata().getGeneration()).isEqualTo(2L);

    kubectl.run("patch", "calprov", "alice", "-n", ns, "--type", "merge",
        "-p", "{\"metadata\":{\"finalizers\":[\"example.com/a\",\"example.com/b\"]}}").ok();
    kubectl.run("patch", "calprov", "alice", "-n", ns, "--type", "merge",
        "-p", "{\"metadata\":{\"finalizers\":[\"example.com/c\"]}}").ok();
    assertThat(provider(ns, "alice").get().getMetadata().getFinalizers()).containsExactly("example.com/c");

    kubectl.run("patch", "calprov", "alice", "-n", ns, "--subresource=status", "--type", "merge",
        "-p", "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Synced\"}]}}").ok();
    GenericKubernetesResource afterStatus = provider(ns, "alice").get();
    assertThat((List<?>) status(afterStatus).get("conditions")).hasSize(1);
    assertThat(afterStatus.getMetadata().getGeneration()).isEqualTo(2L);

    kubectl.run("patch", "calprov", "alice", "-n", ns, "--type", "json",
        "-p", "[{\"op\":\"replace\",\"path\":\"/spec/syncInterval\",\"value\":\"45m\"}]").ok();
    GenericKubernetesResource afterJson = provider(ns, "alice").get();
    assertThat(spec(afterJson)).containsEntry("syncInterval", "45m");
    assertThat(afterJson.getMetadata().getGeneration()).isEqualTo(3L);

    // the CRD's CEL rules hold: vendor is immutable
    Kubectl.Result refused = kubectl.run("patch", "calprov", "alice", "-n", ns, "--type", "merge",
        "-p", "{\"spec\":{\"vendor\":\"Microsoft\",\"calendarId\":\"calendar\"}}").failed();
    assertThat(refused.err()).contains("is invalid", "vendor is immutable");

    kubectl.run("patch", "calprov", "alice", "-n", ns, "--type", "merge",
        "-p", "{\"metadata\":{\"finalizers\":null}}").ok();
  }

  @Test
  void conflictResolutionIsSetWithAMergePatch() {
    String ns = "tour-conflict";
    apply(ns, "alice");
    createConflict(ns, "alice-entry-7", "alice");

    List<String> before = kubectl.run("get", "calendarsyncconflicts", "-n", ns).ok().lines();
    assertThat(before.get(0)).isEqualTo("NAME PROVIDER ENTRY RESOLUTION STATUS AGE");
    assertThat(before.get(1)).matches("alice-entry-7 alice entry-7 Open " + AGE); // no resolution yet: an empty cell

    kubectl.run("patch", "calendarsyncconflict", "alice-entry-7", "-n", ns, "--type", "merge",
        "-p", "{\"spec\":{\"resolution\":\"KeepExternal\"}}").ok();
    GenericKubernetesResource conflict = conflicts(ns).withName("alice-entry-7").get();
    assertThat(spec(conflict)).containsEntry("resolution", "KeepExternal").containsEntry("entryId", "entry-7");
    assertThat(conflict.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(kubectl.run("get", "csc", "-n", ns).ok().lines().get(1))
        .matches("alice-entry-7 alice entry-7 KeepExternal Open " + AGE);

    Kubectl.Result changedMind = kubectl.run("patch", "csc", "alice-entry-7", "-n", ns, "--type", "merge",
        "-p", "{\"spec\":{\"resolution\":\"KeepInternal\"}}").failed();
    assertThat(changedMind.err()).contains("resolution cannot be changed or removed once set");
  }

  @Test
  void waitReturnsOnceAnotherClientWritesReady() {
    String ns = "tour-wait";
    apply(ns, "alice");
    try (Kubectl.Background wait = kubectl.start("wait", "--for=condition=Ready", "calprov/alice", "-n", ns,
        "--timeout=20s")) {
      await().atMost(Duration.ofSeconds(15)).until(() -> server.openWatches(ns) == 1);
      assertThat(wait.out()).isEmpty();

      writeStatus(server.newClient(), ns, "alice", Map.of("phase", "Connected", "conditions", List.of(
          Map.of("type", "Ready", "status", "True", "reason", "Synced"))));

      Kubectl.Result result = wait.await(20).ok();
      assertThat(result.out().trim()).isEqualTo("calendarprovider.calendarsync.io/alice condition met");
    }
  }

  @Test
  void getWatchPrintsChangesAsTheyHappen() {
    String ns = "tour-watch";
    apply(ns, "alice");
    try (Kubectl.Background watch = kubectl.start("get", "calprov", "-n", ns, "-w")) {
      await().atMost(Duration.ofSeconds(15)).until(() -> server.openWatches(ns) == 1);
      assertThat(watch.out()).contains("alice").doesNotContain("Connected");

      writeStatus(client, ns, "alice", Map.of("phase", "Connected", "conditions", List.of(
          Map.of("type", "Ready", "status", "True", "reason", "Synced"))));
      apply(ns, "bob");

      await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(watch.out().lines()
          .map(l -> l.trim().replaceAll("\\s+", " ")))
          .anyMatch(l -> l.matches("alice Google primary Bidirectional Connected True " + AGE))
          .anyMatch(l -> l.startsWith("bob Google primary Bidirectional")));
      // the rows before the watch started are printed once, not replayed
      assertThat(watch.out().lines().filter(l -> l.startsWith("alice")).count()).isEqualTo(2);
    }
  }

  @Test
  void deleteRemovesTheProviderAndGarbageCollectsItsConflicts() {
    String ns = "tour-delete";
    apply(ns, "alice");
    createConflict(ns, "alice-entry-1", "alice");

    assertThat(kubectl.run("delete", "calprov", "alice", "-n", ns).ok().out().trim())
        .isEqualTo("calendarprovider.calendarsync.io \"alice\" deleted");

    assertThat(provider(ns, "alice").get()).isNull();
    await().atMost(Duration.ofSeconds(10)).until(() -> conflicts(ns).withName("alice-entry-1").get() == null);
    assertThat(kubectl.run("get", "calprov", "alice", "-n", ns).failed().err())
        .contains("calendarproviders.calendarsync.io \"alice\" not found");
  }

  @Test
  void invalidManifestsAreRefusedAsByARealApiServer() {
    String ns = "tour-invalid";
    apply(ns, "alice");
    String yahoo = """
        apiVersion: calendarsync.io/v1alpha1
        kind: CalendarProvider
        metadata:
          name: carol
          namespace: %s
        spec:
          vendor: Yahoo
          calendarId: primary
          credentialsSecretRef: {name: alice}
          tenant: %s
          userId: carol
        """.formatted(ns, ns);
    assertThat(kubectl.runWithInput(yahoo, "apply", "-f", "-").failed().err())
        .contains("The CalendarProvider \"carol\" is invalid",
            "spec.vendor: Unsupported value: \"Yahoo\": supported values: \"Google\", \"Microsoft\"");

    String unknownField = yahoo.replace("Yahoo", "Google").replace("userId: carol", "userId: carol\n  colour: red");
    assertThat(kubectl.runWithInput(unknownField, "apply", "-f", "-").failed().err())
        .contains("strict decoding error: unknown field \"spec.colour\"");

    String outlookPrimary = yahoo.replace("Yahoo", "Microsoft");
    assertThat(kubectl.runWithInput(outlookPrimary, "apply", "-f", "-").failed().err())
        .contains("calendarId 'primary' is Google's name for the default calendar");
    assertThat(provider(ns, "carol").get()).isNull();
  }

  @Test
  void apiResourcesAndExplainComeFromDiscoveryAndOpenApi() {
    List<String> resources = kubectl.run("api-resources", "--api-group=calendarsync.io").ok().lines();
    assertThat(resources).contains(
        "calendarproviders calprov,cp calendarsync.io/v1alpha1 true CalendarProvider",
        "calendarsyncconflicts calconflict,csc calendarsync.io/v1alpha1 true CalendarSyncConflict");
    assertThat(kubectl.run("explain", "calendarproviders.spec.conflictPolicy").ok().out())
        .contains("Manual (raise a CalendarSyncConflict)");
    assertThat(kubectl.run("get", "namespaces").ok().lines())
        .anyMatch(l -> l.matches("default Active " + AGE))
        .anyMatch(l -> l.matches("kube-system Active " + AGE));
  }

  @Test
  void imperativeCreateCommandsWorkThoughKubectlSendsThemAsProtobuf() {
    String ns = "tour-create";
    assertThat(kubectl.run("create", "namespace", ns).ok().out().trim()).isEqualTo("namespace/" + ns + " created");
    kubectl.run("create", "secret", "generic", "carol", "-n", ns, "--from-literal=client-id=abc",
        "--from-literal=client-secret=xyz").ok();
    var secret = client.secrets().inNamespace(ns).withName("carol").get();
    assertThat(new String(Base64.getDecoder().decode(secret.getData().get("client-id")))).isEqualTo("abc");
    List<String> secrets = kubectl.run("get", "secrets", "-n", ns).ok().lines();
    assertThat(secrets).hasSize(2);
    assertThat(secrets.get(0)).isEqualTo("NAME TYPE DATA AGE");
    assertThat(secrets.get(1)).matches("carol Opaque 2 " + AGE);
    assertThat(kubectl.run("auth", "can-i", "patch", "calendarproviders", "-n", ns).ok().out().trim())
        .isEqualTo("yes");
    assertThat(kubectl.run("describe", "namespace", ns).ok().out())
        .contains("Status:       Active", "No resource quota.", "No LimitRange resource.");

    apply(ns, "carol");
    kubectl.run("delete", "namespace", ns).ok();
    await().atMost(Duration.ofSeconds(10)).until(() -> client.secrets().inNamespace(ns).list().getItems().isEmpty()
        && provider(ns, "carol").get() == null);
  }

  @Test
  void leasesShowTheirHolderAndRefuseStaleUpdates() {
    String ns = "tour-lease";
    kubectl.run("create", "namespace", ns).ok();
    var leases = client.leases().inNamespace(ns);
    leases.resource(new io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder()
        .withNewMetadata().withName("calendar-sync-operator").withNamespace(ns).endMetadata()
        .withNewSpec().withHolderIdentity("operator-0").withLeaseDurationSeconds(15).endSpec().build()).create();
    var first = leases.withName("calendar-sync-operator").get();
    var second = leases.withName("calendar-sync-operator").get();
    first.getSpec().setHolderIdentity("operator-1");
    leases.resource(first).update();
    second.getSpec().setHolderIdentity("operator-2");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> leases.resource(second).update())
        .isInstanceOfSatisfying(io.fabric8.kubernetes.client.KubernetesClientException.class,
            e -> assertThat(e.getCode()).isEqualTo(409));

    List<String> lines = kubectl.run("get", "leases", "-n", ns).ok().lines();
    assertThat(lines.get(0)).isEqualTo("NAME HOLDER AGE");
    assertThat(lines.get(1)).matches("calendar-sync-operator operator-1 " + AGE);
  }

  // ---- helpers

  private static String manifest(String ns, String name, String interval, String clientId, Map<String, String> labels) {
    StringBuilder extraLabels = new StringBuilder();
    labels.forEach((k, v) -> extraLabels.append("\n    ").append(k).append(": ").append(v));
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %1$s
          labels:
            calendarsync.io/tenant: %1$s%5$s
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: %2$s
          namespace: %1$s
        type: Opaque
        stringData:
          client-id: %4$s
          client-secret: not-a-real-secret
        ---
        apiVersion: calendarsync.io/v1alpha1
        kind: CalendarProvider
        metadata:
          name: %2$s
          namespace: %1$s
        spec:
          vendor: Google
          calendarId: primary
          credentialsSecretRef:
            name: %2$s
          tenant: %1$s
          userId: %2$s
          syncInterval: %3$s
        """.formatted(ns, name, interval, clientId, extraLabels);
  }

  private static void apply(String ns, String name) {
    kubectl.runWithInput(manifest(ns, name, "15m", "client-1", Map.of()), "apply", "-f", "-").ok();
  }

  private static Resource<GenericKubernetesResource> provider(String ns, String name) {
    return client.genericKubernetesResources(API_VERSION, "CalendarProvider").inNamespace(ns).withName(name);
  }

  private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
      io.fabric8.kubernetes.api.model.GenericKubernetesResourceList, Resource<GenericKubernetesResource>> conflicts(
      String ns) {
    return client.genericKubernetesResources(API_VERSION, "CalendarSyncConflict").inNamespace(ns);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> status(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("status");
  }

  /** Writes status the way the operator does: a replace of the /status subresource. */
  private static void writeStatus(KubernetesClient writer, String ns, String name, Map<String, Object> status) {
    try {
      Resource<GenericKubernetesResource> resource = writer.genericKubernetesResources(API_VERSION, "CalendarProvider")
          .inNamespace(ns).withName(name);
      GenericKubernetesResource current = resource.get();
      current.getAdditionalProperties().put("status", status);
      writer.genericKubernetesResources(API_VERSION, "CalendarProvider").inNamespace(ns).resource(current)
          .updateStatus();
    } finally {
      if (writer != client) {
        writer.close();
      }
    }
  }

  private static void createConflict(String ns, String name, String providerName) {
    GenericKubernetesResource owner = provider(ns, providerName).get();
    GenericKubernetesResource conflict = new GenericKubernetesResource();
    conflict.setApiVersion(API_VERSION);
    conflict.setKind("CalendarSyncConflict");
    conflict.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
        .withName(name).withNamespace(ns)
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(API_VERSION).withKind("CalendarProvider")
            .withName(providerName).withUid(owner.getMetadata().getUid()).withController(true).build())
        .build());
    conflict.getAdditionalProperties().put("spec", Map.of("providerName", providerName,
        "entryId", name.substring(name.indexOf('-') + 1), "externalEventId", "ext-" + name));
    conflicts(ns).resource(conflict).create();
    GenericKubernetesResource created = conflicts(ns).withName(name).get();
    created.getAdditionalProperties().put("status", Map.of("phase", "Open",
        "internal", Map.of("title", "Site visit"), "external", Map.of("title", "Site visit (moved)")));
    conflicts(ns).resource(created).updateStatus();
  }

  private static void event(String ns, String name, GenericKubernetesResource about, String reason, String message) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    client.v1().events().inNamespace(ns).resource(new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(about.getApiVersion()).withKind(about.getKind())
            .withName(about.getMetadata().getName()).withNamespace(ns).withUid(about.getMetadata().getUid()).build())
        .withReason(reason).withMessage(message).withType("Normal")
        .withNewSource().withComponent("calendar-sync-operator").endSource()
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .build()).create();
  }

}
