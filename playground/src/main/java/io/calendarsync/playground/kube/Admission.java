package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * What kube-apiserver does to an object between the request and storage that the mock does not: checks the body
 * against the URL, refuses objects in a namespace that does not exist or is being deleted, folds a Secret's
 * {@code stringData} into {@code data}, marks new Namespaces Active, applies a CRD schema's defaults and validates
 * custom resources against it ({@link SchemaValidator}); defaults a Secret's type to Opaque.
 */
final class Admission {

  private final ObjectStore store;
  private final ResourceType namespaces;

  Admission(ObjectStore store, ResourceCatalog catalog) {
    this.store = store;
    this.namespaces = catalog.find("", "v1", "namespaces").orElseThrow();
  }

  /** Shapes and checks a new object; returns warnings for the client (pruned unknown fields). */
  java.util.List<String> onCreate(ResourceType type, String namespace, ObjectNode object, String fieldValidation) {
    checkTypeMeta(type, object);
    ObjectNode metadata = Json.metadata(object);
    String name = Json.text(object, "metadata", "name");
    String generateName = Json.text(object, "metadata", "generateName");
    if ((name == null || name.isEmpty()) && (generateName == null || generateName.isEmpty())) {
      throw ApiException.invalid(type, "", "metadata.name: Required value: name or generateName is required", null);
    }
    if (type.namespaced()) {
      String bodyNamespace = Json.text(object, "metadata", "namespace");
      if (bodyNamespace != null && !bodyNamespace.isEmpty() && !bodyNamespace.equals(namespace)) {
        throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the "
            + "request");
      }
      metadata.put("namespace", namespace);
      ObjectNode ns = store.get(namespaces, null, namespace);
      if (ns == null) {
        throw ApiException.notFound(namespaces, namespace);
      }
      if (ns.path("metadata").has("deletionTimestamp")) {
        throw ApiException.forbidden(type.plural() + " \"" + name + "\" is forbidden: unable to create new content in "
            + "namespace " + namespace + " because it is being terminated");
      }
    } else {
      metadata.remove("namespace");
    }
    if (type.builtin() && type.kind().equals("Namespace")) {
      object.putObject("status").put("phase", "Active");
      ObjectNode spec = object.has("spec") && object.get("spec").isObject() ? (ObjectNode) object.get("spec")
          : object.putObject("spec");
      if (!spec.has("finalizers")) {
        spec.putArray("finalizers").add("kubernetes");
      }
    }
    if (type.builtin() && type.kind().equals("CustomResourceDefinition")) {
      establish(object);
    }
    return common(type, object, null, fieldValidation);
  }

  /** What apiextensions-apiserver reports once it serves a CRD, so {@code kubectl wait --for=condition=Established} works. */
  private static void establish(ObjectNode crd) {
    ObjectNode status = crd.putObject("status");
    com.fasterxml.jackson.databind.node.ArrayNode conditions = status.putArray("conditions");
    String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    for (String[] condition : new String[][] {
        {"NamesAccepted", "NoConflicts", "no conflicts found"},
        {"Established", "InitialNamesAccepted", "the initial names have been accepted"}}) {
      ObjectNode c = conditions.addObject();
      c.put("type", condition[0]);
      c.put("status", "True");
      c.put("lastTransitionTime", now);
      c.put("reason", condition[1]);
      c.put("message", condition[2]);
    }
    status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
    com.fasterxml.jackson.databind.node.ArrayNode stored = status.putArray("storedVersions");
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("storage").asBoolean(false)) {
        stored.add(version.path("name").asText());
      }
    }
  }

  /** Shapes and checks the new state of a stored object; returns warnings for the client. */
  java.util.List<String> onUpdate(ResourceType type, ObjectNode current, ObjectNode object, String fieldValidation) {
    checkTypeMeta(type, object);
    return common(type, object, current, fieldValidation);
  }

  private java.util.List<String> common(ResourceType type, ObjectNode object, ObjectNode current,
      String fieldValidation) {
    if (type.builtin() && type.kind().equals("Secret")) {
      foldStringData(object);
      if (Json.text(object, "type") == null || Json.text(object, "type").isEmpty()) {
        object.put("type", "Opaque"); // the core/v1 default
      }
    }
    if (type.schema() != null) {
      SchemaDefaulter.apply(type.schema(), object);
      return SchemaValidator.validate(type, object, current, fieldValidation);
    }
    return java.util.List.of();
  }

  private static void checkTypeMeta(ResourceType type, ObjectNode object) {
    String apiVersion = Json.text(object, "apiVersion");
    String kind = Json.text(object, "kind");
    if (apiVersion == null || apiVersion.isEmpty()) {
      object.put("apiVersion", type.apiVersion());
    } else if (!apiVersion.equals(type.apiVersion())) {
      throw ApiException.badRequest("the API version in the data (" + apiVersion
          + ") does not match the expected API version (" + type.apiVersion() + ")");
    }
    if (kind == null || kind.isEmpty()) {
      object.put("kind", type.kind());
    } else if (!kind.equals(type.kind())) {
      throw ApiException.badRequest("the kind in the data (" + kind + ") does not match the expected kind ("
          + type.kind() + ")");
    }
  }

  /** kube-apiserver merges stringData into data (stringData wins) and never stores stringData. */
  static void foldStringData(ObjectNode secret) {
    JsonNode stringData = secret.remove("stringData");
    if (stringData == null || !stringData.isObject()) {
      return;
    }
    ObjectNode data = secret.has("data") && secret.get("data").isObject() ? (ObjectNode) secret.get("data")
        : secret.putObject("data");
    for (Iterator<Map.Entry<String, JsonNode>> it = stringData.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> entry = it.next();
      data.put(entry.getKey(),
          Base64.getEncoder().encodeToString(entry.getValue().asText().getBytes(StandardCharsets.UTF_8)));
    }
  }
}
