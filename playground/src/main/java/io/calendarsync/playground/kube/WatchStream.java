package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One client's watch: turns committed changes into the watch events this client should see. An object that starts
 * or stops matching the selectors is ADDED or DELETED for this watch, as in kube-apiserver. Events go to a sink
 * (chunked HTTP for kubectl, WebSocket frames for fabric8) one JSON document at a time.
 */
final class WatchStream implements WatchHub.Listener {

  private final ResourceType type;
  private final String namespace;
  private final Predicate<JsonNode> filter;
  private final boolean table;
  private final String includeObject;
  private final Consumer<String> sink;

  WatchStream(ResourceType type, String namespace, Predicate<JsonNode> filter, boolean table, String includeObject,
      Consumer<String> sink) {
    this.type = type;
    this.namespace = namespace;
    this.filter = filter;
    this.table = table;
    this.includeObject = includeObject;
    this.sink = sink;
  }

  String namespace() {
    return namespace;
  }

  /** The synthetic ADDED events that start a watch without a resourceVersion (the current state). */
  void initial(List<ObjectNode> objects) {
    objects.forEach(o -> send("ADDED", o));
  }

  /** The BOOKMARK that closes the initial events when the client asked for {@code sendInitialEvents=true}. */
  void initialEventsEnd(String resourceVersion) {
    ObjectNode bookmark = Json.object();
    bookmark.put("kind", type.kind());
    bookmark.put("apiVersion", type.apiVersion());
    ObjectNode metadata = bookmark.putObject("metadata");
    metadata.put("resourceVersion", resourceVersion);
    metadata.putObject("annotations").put("k8s.io/initial-events-end", "true");
    ObjectNode event = Json.object();
    event.put("type", "BOOKMARK");
    event.set("object", bookmark);
    sink.accept(Json.write(event));
  }

  void expired(String message) {
    ObjectNode status = new ApiException(410, "Expired", message, null).status();
    ObjectNode event = Json.object();
    event.put("type", "ERROR");
    event.set("object", status);
    sink.accept(Json.write(event));
  }

  @Override
  public void onChange(WatchHub.Change change) {
    if (change.resource() != type && !sameResource(change.resource())) {
      return;
    }
    if (namespace != null && !namespace.equals(change.namespace())) {
      return;
    }
    boolean matchedBefore = change.previous() != null && filter.test(change.previous());
    boolean matchesNow = change.type() != WatchHub.Type.DELETED && change.object() != null
        && filter.test(change.object());
    switch (change.type()) {
      case ADDED -> {
        if (matchesNow) {
          send("ADDED", change.object());
        }
      }
      case DELETED -> {
        if (matchedBefore) {
          send("DELETED", change.object());
        }
      }
      default -> {
        if (matchedBefore && matchesNow) {
          send("MODIFIED", change.object());
        } else if (matchesNow) {
          send("ADDED", change.object());
        } else if (matchedBefore) {
          send("DELETED", change.object());
        }
      }
    }
  }

  private boolean sameResource(ResourceType other) {
    return other.group().equals(type.group()) && other.plural().equals(type.plural());
  }

  private void send(String eventType, ObjectNode object) {
    ObjectNode event = Json.object();
    event.put("type", eventType);
    if (table) {
      event.set("object", TableRenderer.render(type, List.of(object), Json.text(object, "metadata", "resourceVersion"),
          includeObject));
    } else {
      event.set("object", object);
    }
    sink.accept(Json.write(event));
  }
}
