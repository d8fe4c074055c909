package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The embedded API server's request handling: a {@link Dispatcher} in front of fabric8's CRUD mock
 * ({@link ObjectStore}) that answers what the mock does not (version, discovery, OpenAPI, authorization reviews,
 * Tables, selectors) and shapes every write before the mock stores it (admission, status subresource, patches).
 * Watches are streamed by {@link WatchService}.
 * <p>
 * Writes are serialized by one lock, so read-check-write sequences (patches, status writes, preconditions) are atomic
 * as they are against etcd.
 */
final class PlaygroundDispatcher extends Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(PlaygroundDispatcher.class);

  private final ResourceCatalog catalog;
  private final ObjectStore store;
  private final Admission admission;
  private final DiscoveryDocuments discovery;
  private final OpenApiDocuments openApi;
  private final ReentrantLock writes = new ReentrantLock();

  PlaygroundDispatcher(ResourceCatalog catalog, ObjectStore store, DiscoveryDocuments discovery) {
    this.catalog = catalog;
    this.store = store;
    this.admission = new Admission(store, catalog);
    this.discovery = discovery;
    this.openApi = new OpenApiDocuments(catalog);
  }

  ResourceCatalog catalog() {
    return catalog;
  }

  ObjectStore store() {
    return store;
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) {
    return handle(ApiRequest.of(recorded));
  }

  MockResponse handle(ApiRequest original) {
    ApiRequest request = original;
    try {
      request = ProtobufBodies.toJson(original);
      MockResponse response = route(request);
      LOG.trace("{} -> {}", request, response.code());
      return response;
    } catch (ApiException e) {
      LOG.trace("{} -> {} {}", request, e.code(), e.getMessage());
      return json(e.code(), e.status());
    } catch (RuntimeException e) {
      LOG.warn("{} failed", request, e);
      return json(500, new ApiException(500, "InternalError", "Internal error occurred: " + e, null).status());
    }
  }

  private MockResponse route(ApiRequest request) {
    String path = request.path();

    switch (path) {
      case "/version", "/version/" -> {
        return json(200, PlaygroundApiServer.versionInfo());
      }
      case "/healthz", "/livez", "/readyz" -> {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody("ok");
      }
      default -> {
      }
    }
    if (path.startsWith("/openapi/")) {
      ObjectNode doc = openApi.answer(path);
      if (doc == null) {
        throw ApiException.notFound("the server could not find the requested resource");
      }
      return json(200, doc);
    }
    ObjectNode review = AuthorizationReviews.answer(request);
    if (review != null) {
      return json(201, review);
    }
    if (request.method().equals("GET")) {
      ObjectNode doc = discovery.answer(path);
      if (doc != null) {
        return json(200, doc);
      }
    }
    ResourcePath target = ResourcePath.resolve(path, catalog);
    if (target == null) {
      throw ApiException.notFound("the server could not find the requested resource");
    }
    if (target.namespace() == null && target.type().namespaced() && !target.isCollection()) {
      throw ApiException.notFound("the server could not find the requested resource");
    }
    return switch (request.method()) {
      case "GET" -> target.isCollection() ? list(request, target) : get(request, target);
      case "POST" -> {
        if (!target.isCollection() || (target.type().namespaced() && target.namespace() == null)) {
          throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
        }
        yield create(request, target);
      }
      case "PUT" -> update(request, target);
      case "PATCH" -> patch(request, target);
      case "DELETE" -> target.isCollection() ? deleteCollection(request, target) : delete(request, target);
      default -> throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
    };
  }

  // ---- reads

  private MockResponse get(ApiRequest request, ResourcePath target) {
    ObjectNode object = existing(target);
    if (request.wantsTable()) {
      return json(200, TableRenderer.render(target.type(), List.of(object),
          Json.text(object, "metadata", "resourceVersion"), request.param("includeObject")));
    }
    return json(200, object);
  }

  /** The filtered list the request selects: namespace, label selector and field selector. */
  ObjectStore.Listing select(ApiRequest request, ResourcePath target) {
    ObjectStore.Listing listing = store.list(target.type(), target.namespace());
    Predicate<JsonNode> filter = filter(request);
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode item : listing.items()) {
      if (filter.test(item)) {
        items.add(item);
      }
    }
    return new ObjectStore.Listing(items, listing.resourceVersion());
  }

  static Predicate<JsonNode> filter(ApiRequest request) {
    LabelSelector labels = LabelSelector.parse(request.param("labelSelector"));
    FieldSelector fields = FieldSelector.parse(request.param("fieldSelector"));
    return labels.and(fields);
  }

  private MockResponse list(ApiRequest request, ResourcePath target) {
    ObjectStore.Listing listing = select(request, target);
    if (request.wantsTable()) {
      return json(200, TableRenderer.render(target.type(), listing.items(), listing.resourceVersion(),
          request.param("includeObject")));
    }
    ObjectNode list = Json.object();
    list.put("apiVersion", target.type().apiVersion());
    list.put("kind", target.type().listKind());
    list.putObject("metadata").put("resourceVersion", listing.resourceVersion());
    ArrayNode items = list.putArray("items");
    listing.items().forEach(items::add);
    return json(200, list);
  }

  private ObjectNode existing(ResourcePath target) {
    ObjectNode object = store.get(target.type(), target.namespace(), target.name());
    if (object == null) {
      throw ApiException.notFound(target.type(), target.name());
    }
    return object;
  }

  // ---- writes

  private MockResponse create(ApiRequest request, ResourcePath target) {
    ObjectNode object = Json.parseObject(request.bodyUtf8());
    ResourceType type = target.type();
    writes.lock();
    try {
      List<String> warnings = admission.onCreate(type, target.namespace(), object, request.param("fieldValidation"));
      StatusSubresourceGuard.onCreate(type, object);
      String name = Json.text(object, "metadata", "name");
      if (name != null && !name.isEmpty() && store.get(type, target.namespace(), name) != null) {
        throw ApiException.alreadyExists(type, name);
      }
      ObjectNode created = request.dryRun() ? object : store.create(type, target.namespace(), object).object();
      return warn(json(201, created), warnings);
    } finally {
      writes.unlock();
    }
  }

  private MockResponse update(ApiRequest request, ResourcePath target) {
    if (target.isCollection()) {
      throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    ObjectNode incoming = Json.parseObject(request.bodyUtf8());
    String bodyName = Json.text(incoming, "metadata", "name");
    if (bodyName != null && !bodyName.isEmpty() && !bodyName.equals(target.name())) {
      throw ApiException.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL ("
          + target.name() + ")");
    }
    writes.lock();
    try {
      ObjectNode current = existing(target);
      return write(request, target, current, incoming);
    } finally {
      writes.unlock();
    }
  }

  private MockResponse patch(ApiRequest request, ResourcePath target) {
    if (target.isCollection()) {
      throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    writes.lock();
    try {
      ObjectNode current = existing(target);
      ObjectNode patched = PatchTranslator.apply(target.type(), current, request.contentType(), request.bodyUtf8());
      // a resourceVersion in the patch is a precondition; otherwise the patch applies to what is stored
      String expected = Json.text(patched, "metadata", "resourceVersion");
      if (expected == null || expected.isEmpty()) {
        Json.metadata(patched).put("resourceVersion", Json.text(current, "metadata", "resourceVersion"));
      }
      return write(request, target, current, patched);
    } finally {
      writes.unlock();
    }
  }

  /** A full-object write to the main resource or its status, shaped by admission and the status guard. */
  private MockResponse write(ApiRequest request, ResourcePath target, ObjectNode current, ObjectNode incoming) {
    ResourceType type = target.type();
    ObjectNode toStore = target.isStatus()
        ? StatusSubresourceGuard.onStatusWrite(type, current, incoming)
        : StatusSubresourceGuard.onMainWrite(type, current, incoming);
    // identity and bookkeeping fields are the server's, whatever the body says
    ObjectNode metadata = Json.metadata(toStore);
    metadata.put("name", target.name());
    if (type.namespaced()) {
      metadata.put("namespace", target.namespace());
    }
    metadata.put("resourceVersion", Json.text(current, "metadata", "resourceVersion"));
    List<String> warnings = admission.onUpdate(type, current, toStore, request.param("fieldValidation"));
    if (request.dryRun()) {
      return warn(json(200, toStore), warnings);
    }
    ObjectStore.Written written = target.isStatus()
        ? store.updateStatus(type, target.namespace(), target.name(), toStore)
        : store.update(type, target.namespace(), target.name(), toStore);
    // a write that removes the last finalizer of an object being deleted deletes it: answer its last state
    return warn(json(200, written.object() != null ? written.object() : toStore), warnings);
  }

  /** kube-apiserver's warning headers (kubectl prints them as "Warning: ...", fabric8 logs them). */
  private static MockResponse warn(MockResponse response, List<String> warnings) {
    for (String warning : warnings) {
      response.addHeader("Warning", "299 - \"" + warning.replace("\"", "\\\"") + "\"");
    }
    return response;
  }

  private MockResponse delete(ApiRequest request, ResourcePath target) {
    if (target.isStatus()) {
      throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    writes.lock();
    try {
      ObjectNode current = existing(target);
      checkDeletePreconditions(request, target, current);
      if (request.dryRun()) {
        return json(200, current);
      }
      ObjectStore.Written written = store.delete(target.type(), target.namespace(), target.name());
      if (written == null) {
        throw ApiException.notFound(target.type(), target.name());
      }
      ObjectNode after = store.get(target.type(), target.namespace(), target.name());
      return json(200, after != null ? after : current);
    } finally {
      writes.unlock();
    }
  }

  private void checkDeletePreconditions(ApiRequest request, ResourcePath target, ObjectNode current) {
    if (request.body().length == 0) {
      return;
    }
    JsonNode options = Json.parse(request.bodyUtf8());
    JsonNode preconditions = options.path("preconditions");
    String uid = Json.text(preconditions, "uid");
    if (uid != null && !uid.equals(Json.text(current, "metadata", "uid"))) {
      throw new ApiException(409, "Conflict", "Precondition failed: UID in precondition: " + uid
          + ", UID in object meta: " + Json.text(current, "metadata", "uid"), ApiException.details(target.type(),
              target.name()));
    }
    String resourceVersion = Json.text(preconditions, "resourceVersion");
    if (resourceVersion != null && !resourceVersion.equals(Json.text(current, "metadata", "resourceVersion"))) {
      throw ApiException.conflict(target.type(), target.name());
    }
  }

  private MockResponse deleteCollection(ApiRequest request, ResourcePath target) {
    writes.lock();
    try {
      ObjectStore.Listing selected = select(request, target);
      ObjectNode list = Json.object();
      list.put("apiVersion", target.type().apiVersion());
      list.put("kind", target.type().listKind());
      list.putObject("metadata");
      ArrayNode items = list.putArray("items");
      for (ObjectNode item : selected.items()) {
        if (!request.dryRun()) {
          store.delete(target.type(), Json.text(item, "metadata", "namespace"), Json.text(item, "metadata", "name"));
        }
        items.add(item);
      }
      return json(200, list);
    } finally {
      writes.unlock();
    }
  }

  static MockResponse json(int code, JsonNode body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody(Json.write(body));
  }
}
