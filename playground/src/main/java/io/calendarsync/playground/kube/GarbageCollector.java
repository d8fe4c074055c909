package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The two deletions kube-controller-manager would do, in the background as there: objects whose ownerReferences
 * name a deleted owner's uid are deleted (a CalendarSyncConflict goes with its CalendarProvider, an operator-owned
 * Secret with its provider), and everything in a deleted Namespace is deleted. Deletions go through the API like a
 * controller's, so finalizers are honoured (the object is only marked).
 */
final class GarbageCollector implements WatchHub.Listener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

  private final PlaygroundDispatcher dispatcher;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "playground-kube-gc");
    thread.setDaemon(true);
    return thread;
  });

  GarbageCollector(PlaygroundDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void onChange(WatchHub.Change change) {
    if (change.type() == WatchHub.Type.DELETED && !executor.isShutdown()) {
      executor.execute(() -> collect(change));
    }
  }

  private void collect(WatchHub.Change change) {
    try {
      String uid = Json.text(change.object(), "metadata", "uid");
      boolean namespace = change.resource().builtin() && change.resource().kind().equals("Namespace");
      for (ResourceType type : dispatcher.catalog().all()) {
        if (namespace && !type.namespaced()) {
          continue;
        }
        // a namespaced owner's dependents are in its namespace; a cluster-scoped owner's may be anywhere (null)
        String scope = namespace ? change.name() : type.namespaced() ? change.namespace() : null;
        for (ObjectNode item : dispatcher.store().list(type, scope).items()) {
          if (namespace || ownedBy(item, uid)) {
            delete(type, item);
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("garbage collection after deleting {} {} failed", change.resource().kind(), change.name(), e);
    }
  }

  private static boolean ownedBy(JsonNode item, String uid) {
    for (JsonNode owner : item.path("metadata").path("ownerReferences")) {
      if (uid != null && uid.equals(owner.path("uid").asText())) {
        return true;
      }
    }
    return false;
  }

  private void delete(ResourceType type, ObjectNode item) {
    String path = type.itemPath(Json.text(item, "metadata", "namespace"), Json.text(item, "metadata", "name"));
    dispatcher.handle(new ApiRequest("DELETE", path, Map.of(), new byte[0]));
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
