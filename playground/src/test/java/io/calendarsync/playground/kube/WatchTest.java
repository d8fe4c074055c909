package io.calendarsync.playground.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Watches as the operator's informers and kubectl use them. */
class WatchTest {

  private static final String NS = "watch-tests";
  private static final String FABRIC8 = "watch-fabric8";

  private static PlaygroundApiServer server;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    server = PlaygroundApiServer.start(0, null);
    client = server.client();
    for (String ns : List.of(NS, FABRIC8)) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aFabric8WatchSeesAddsChangesAndDeletesInOrder() {
    List<String> events = new CopyOnWriteArrayList<>();
    try (Watch ignored = client.configMaps().inNamespace(FABRIC8).withLabel("watched", "yes").watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {
        events.add(action + " " + resource.getMetadata().getName() + " " + resource.getData());
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    })) {
      await().atMost(Duration.ofSeconds(10)).until(() -> server.openWatches(FABRIC8) == 1);
      client.configMaps().inNamespace(FABRIC8).resource(configMap(FABRIC8, "a", "yes", "1")).create();
      client.configMaps().inNamespace(FABRIC8).resource(configMap(FABRIC8, "unwatched", "no", "1")).create();
      client.configMaps().inNamespace(FABRIC8).withName("a").edit(c -> {
        c.getData().put("v", "2");
        return c;
      });
      client.configMaps().inNamespace(FABRIC8).withName("a").delete();

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events)
          .containsExactly("ADDED a {v=1}", "MODIFIED a {v=2}", "DELETED a {v=2}"));
    }
  }

  @Test
  void anInformerListsThenWatchesFromTheListVersion() {
    client.configMaps().inNamespace(NS).resource(configMap("before", "inf", "1")).create();
    List<String> seen = new CopyOnWriteArrayList<>();
    SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace(NS).withLabel("watched", "inf")
        .inform(new ResourceEventHandler<>() {
          @Override
          public void onAdd(ConfigMap obj) {
            seen.add("add " + obj.getMetadata().getName());
          }

          @Override
          public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
            seen.add("update " + newObj.getMetadata().getName() + " " + newObj.getData().get("v"));
          }

          @Override
          public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
            seen.add("delete " + obj.getMetadata().getName());
          }
        });
    try {
      await().atMost(Duration.ofSeconds(10)).until(informer::hasSynced);
      client.configMaps().inNamespace(NS).resource(configMap("after", "inf", "1")).create();
      client.configMaps().inNamespace(NS).withName("before").edit(c -> {
        c.getData().put("v", "2");
        return c;
      });
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen)
          .containsExactly("add before", "add after", "update before 2"));
    } finally {
      informer.close();
    }
  }

  @Test
  void anHttpWatchFromAResourceVersionGetsExactlyTheLaterChanges() throws Exception {
    client.configMaps().inNamespace(NS).resource(configMap("http", "http", "1")).create();
    String listVersion = client.configMaps().inNamespace(NS).list().getMetadata().getResourceVersion();
    client.configMaps().inNamespace(NS).withName("http").edit(c -> {
      c.getData().put("v", "2");
      return c;
    });

    HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.url() + "/api/v1/namespaces/" + NS + "/configmaps?watch=true&labelSelector=watched%3Dhttp"
                + "&resourceVersion=" + listVersion + "&timeoutSeconds=1")).GET().build(),
        HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    List<String> lines = response.body().toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("{\"type\":\"MODIFIED\",\"object\":{").contains("\"v\":\"2\"");
  }

  @Test
  void aWatchFromAVersionNoLongerRetainedIsExpired() throws WatchHub.Expired {
    WatchHub hub = new WatchHub(2);
    ResourceType configMaps = new ResourceCatalog().find("", "v1", "configmaps").orElseThrow();
    for (long version = 1; version <= 5; version++) {
      hub.publish(new WatchHub.Change(version, WatchHub.Type.ADDED, configMaps, NS, "c" + version, null,
          new io.fabric8.kubernetes.client.utils.KubernetesSerialization().convertValue(
              configMap("c" + version, "x", "1"), com.fasterxml.jackson.databind.node.ObjectNode.class)));
    }
    List<Long> replayed = new CopyOnWriteArrayList<>();
    hub.subscribe(3, change -> replayed.add(change.resourceVersion()));
    assertThat(replayed).containsExactly(4L, 5L);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> hub.subscribe(2, change -> {
    })).isInstanceOf(WatchHub.Expired.class).hasMessageContaining("too old resource version: 2");
  }

  private static ConfigMap configMap(String name, String label, String value) {
    return configMap(NS, name, label, value);
  }

  private static ConfigMap configMap(String ns, String name, String label, String value) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(ns)
        .withLabels(Map.of("watched", label)).endMetadata()
        .withData(new java.util.HashMap<>(Map.of("v", value))).build();
  }
}
