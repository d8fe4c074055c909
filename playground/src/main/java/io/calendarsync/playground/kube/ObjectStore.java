package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The storage: fabric8's {@link KubernetesCrudDispatcher} (CRUD mode of the mock server), driven with internal
 * requests the playground layer has already checked and shaped, and observed so that every committed change reaches
 * the {@link WatchHub} with its resourceVersion.
 */
final class ObjectStore {

  private static final Logger LOG = LoggerFactory.getLogger(ObjectStore.class);

  /** A list answer: the items and the store's resourceVersion at the time of the list. */
  record Listing(List<ObjectNode> items, String resourceVersion) {
  }

  /** The answer of a write: the HTTP code the mock gave and the stored object (null when the write deleted it). */
  record Written(int code, ObjectNode object) {
  }

  private final Observed crud;

  ObjectStore(ResourceCatalog catalog, WatchHub hub) {
    this.crud = new Observed(catalog, hub);
  }

  ObjectNode get(ResourceType type, String namespace, String name) {
    MockResponse response = crud.dispatch(request(HttpMethod.GET, type.itemPath(namespace, name), null));
    if (response.code() == 404) {
      return null;
    }
    return (ObjectNode) parse(response);
  }

  /** All objects of a type, in one namespace or (null) all, sorted by namespace and name like etcd keys. */
  Listing list(ResourceType type, String namespace) {
    MockResponse response = crud.dispatch(request(HttpMethod.GET, type.collectionPath(namespace), null));
    JsonNode list = parse(response);
    List<ObjectNode> items = new ArrayList<>();
    for (JsonNode item : list.path("items")) {
      // the mock matches on plural and version only: keep the type's own group
      if (type.apiVersion().equals(item.path("apiVersion").asText()) || item.path("apiVersion").isMissingNode()) {
        items.add((ObjectNode) item);
      }
    }
    items.sort(Comparator.comparing((ObjectNode o) -> Objects.toString(Json.text(o, "metadata", "namespace"), ""))
        .thenComparing(o -> Objects.toString(Json.text(o, "metadata", "name"), "")));
    return new Listing(items, list.path("metadata").path("resourceVersion").asText("0"));
  }

  Written create(ResourceType type, String namespace, ObjectNode object) {
    return write(HttpMethod.POST, type.collectionPath(namespace), object);
  }

  Written update(ResourceType type, String namespace, String name, ObjectNode object) {
    return write(HttpMethod.PUT, type.itemPath(namespace, name), object);
  }

  Written updateStatus(ResourceType type, String namespace, String name, ObjectNode object) {
    return write(HttpMethod.PUT, type.itemPath(namespace, name) + "/status", object);
  }

  /** Deletes (or, with finalizers, marks for deletion). Returns null when there was nothing to delete. */
  Written delete(ResourceType type, String namespace, String name) {
    MockResponse response = crud.dispatch(request(HttpMethod.DELETE, type.itemPath(namespace, name), null));
    if (response.code() == 404) {
      return null;
    }
    return new Written(response.code(), (ObjectNode) parse(response));
  }

  private Written write(HttpMethod method, String path, ObjectNode object) {
    MockResponse response = crud.dispatch(request(method, path, Json.write(object)));
    int code = response.code();
    if (code >= 400) {
      JsonNode body = parseOrNull(response);
      String message = body == null ? "" : body.path("message").asText("");
      String reason = body == null ? "" : body.path("reason").asText("");
      throw new ApiException(code, reason.isEmpty() ? "Invalid" : reason, message, null);
    }
    JsonNode body = parseOrNull(response);
    return new Written(code, body instanceof ObjectNode o ? o : null);
  }

  private static RecordedRequest request(HttpMethod method, String path, String body) {
    Headers headers = Headers.builder().add("Content-Type", "application/json").build();
    return new RecordedRequest("HTTP/1.1", method, path, headers,
        new Buffer(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode parse(MockResponse response) {
    JsonNode node = parseOrNull(response);
    if (node == null) {
      throw new IllegalStateException("the store answered " + response.code() + " without a body");
    }
    return node;
  }

  private static JsonNode parseOrNull(MockResponse response) {
    if (response.getBody() == null || response.getBody().size() == 0) {
      return null;
    }
    return Json.parse(response.getBody().getBytes());
  }

  /** The mock's CRUD dispatcher, publishing each committed change with its resourceVersion. */
  private static final class Observed extends KubernetesCrudDispatcher {
    private final ResourceCatalog catalog;
    private final WatchHub hub;

    Observed(ResourceCatalog catalog, WatchHub hub) {
      this.catalog = catalog;
      this.hub = hub;
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
        GenericKubernetesResource resource, String newState) {
      String existing = oldAttributes == null ? null : map.get(oldAttributes);
      super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
      if (Objects.equals(existing, newState)) {
        return;
      }
      try {
        ObjectNode previous = existing == null ? null : (ObjectNode) Json.parse(existing);
        ObjectNode current = newState == null ? null : (ObjectNode) Json.parse(newState);
        WatchHub.Type type;
        long version;
        ObjectNode object;
        if (previous == null) {
          type = WatchHub.Type.ADDED;
          object = current;
          version = Long.parseLong(Json.text(current, "metadata", "resourceVersion"));
        } else if (current == null) {
          type = WatchHub.Type.DELETED;
          version = requestResourceVersion();
          object = previous.deepCopy();
          Json.metadata(object).put("resourceVersion", String.valueOf(version));
        } else {
          type = WatchHub.Type.MODIFIED;
          object = current;
          version = Long.parseLong(Json.text(current, "metadata", "resourceVersion"));
        }
        int query = path.indexOf('?');
        ResourcePath resourcePath = ResourcePath.resolve(query < 0 ? path : path.substring(0, query), catalog);
        hub.publish(new WatchHub.Change(version, type, resourcePath.type(), Json.text(object, "metadata", "namespace"),
            Json.text(object, "metadata", "name"), previous, object));
      } catch (RuntimeException e) {
        LOG.warn("could not publish the change at {} to watchers", path, e);
      }
    }
  }
}
