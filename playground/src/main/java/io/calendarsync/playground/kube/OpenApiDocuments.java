package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * OpenAPI v3 ({@code /openapi/v3} and one document per group-version), which kubectl reads before
 * {@code apply}, {@code create}, {@code replace} and {@code edit}:
 * <ul>
 *   <li>with the default {@code --validate=strict}, kubectl sends {@code fieldValidation=Strict} and skips its own
 *       schema validation only when a resource's PATCH operation lists the {@code fieldValidation} query parameter;
 *       otherwise it downloads {@code /openapi/v2} (protobuf) to validate client-side and fails without it. Every
 *       resource here lists it, and the server really validates ({@link SchemaValidator});</li>
 *   <li>PATCH request bodies list JSON patch, merge patch and apply patch but not strategic merge, so for built-ins
 *       kubectl computes its strategic merge patch from the types compiled into it (not from this schema) and sends
 *       it as {@code application/strategic-merge-patch+json}, which {@link PatchTranslator} accepts for them;</li>
 *   <li>component schemas carry each CRD's {@code openAPIV3Schema}, so {@code kubectl explain calendarproviders}
 *       works. Built-in kinds have no component schema ({@code kubectl explain secret} fails).</li>
 * </ul>
 * {@code /openapi/v2} answers 404 (kubectl only uses it as a fallback and ignores its absence on these paths).
 */
final class OpenApiDocuments {

  private final ResourceCatalog catalog;

  OpenApiDocuments(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  /** The document for an {@code /openapi/v3...} path, or null. */
  ObjectNode answer(String path) {
    if (path.equals("/openapi/v3") || path.equals("/openapi/v3/")) {
      return root();
    }
    String prefix = "/openapi/v3/";
    if (!path.startsWith(prefix)) {
      return null;
    }
    String gv = path.substring(prefix.length());
    String[] s = gv.split("/");
    if (s.length == 2 && s[0].equals("api") && catalog.servesGroupVersion("", s[1])) {
      return document("", s[1]);
    }
    if (s.length == 3 && s[0].equals("apis") && catalog.servesGroupVersion(s[1], s[2])) {
      return document(s[1], s[2]);
    }
    return null;
  }

  private ObjectNode root() {
    ObjectNode root = Json.object();
    ObjectNode paths = root.putObject("paths");
    for (Map.Entry<String, List<String>> entry : catalog.groupVersions().entrySet()) {
      for (String version : entry.getValue()) {
        String key = entry.getKey().isEmpty() ? "api/" + version : "apis/" + entry.getKey() + "/" + version;
        String hash = hash(Json.write(document(entry.getKey(), version)));
        paths.putObject(key).put("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash);
      }
    }
    return root;
  }

  private ObjectNode document(String group, String version) {
    ObjectNode doc = Json.object();
    doc.put("openapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kubernetes");
    info.put("version", PlaygroundApiServer.KUBERNETES_VERSION);
    ObjectNode paths = doc.putObject("paths");
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    for (ResourceType type : catalog.inGroupVersion(group, version)) {
      String definition = definitionName(type);
      String namespaceSegment = type.namespaced() ? "/namespaces/{namespace}" : "";
      String collection = type.apiPrefix() + namespaceSegment + "/" + type.plural();
      ObjectNode collectionPath = paths.putObject(collection);
      collectionPath.set("get", operation(type, "list", definition + "List", false));
      collectionPath.set("post", operation(type, "create", definition, true));
      ObjectNode item = paths.putObject(collection + "/{name}");
      item.set("get", operation(type, "read", definition, false));
      item.set("put", operation(type, "replace", definition, true));
      item.set("patch", patch(type, definition));
      item.set("delete", operation(type, "delete", definition, false));
      if (type.statusSubresource()) {
        ObjectNode status = paths.putObject(collection + "/{name}/status");
        status.set("get", operation(type, "read", definition, false));
        status.set("put", operation(type, "replace", definition, true));
        status.set("patch", patch(type, definition));
      }
      schemas.set(definition, schema(type));
    }
    return doc;
  }

  private static ObjectNode operation(ResourceType type, String action, String definition, boolean fieldValidation) {
    ObjectNode op = Json.object();
    op.put("operationId", action + type.kind());
    ArrayNode parameters = op.putArray("parameters");
    if (fieldValidation) {
      parameters.add(queryParameter("fieldValidation"));
      parameters.add(queryParameter("dryRun"));
      parameters.add(queryParameter("fieldManager"));
    }
    ObjectNode ok = op.putObject("responses").putObject("200");
    ok.put("description", "OK");
    ok.putObject("content").putObject("application/json").putObject("schema")
        .put("$ref", "#/components/schemas/" + definition);
    op.put("x-kubernetes-action", action.equals("read") ? "get" : action.equals("replace") ? "put"
        : action.equals("create") ? "post" : action);
    op.set("x-kubernetes-group-version-kind", gvk(type));
    return op;
  }

  private static ObjectNode patch(ResourceType type, String definition) {
    ObjectNode op = operation(type, "patch", definition, true);
    op.withArray("parameters").add(queryParameter("force"));
    ObjectNode content = op.putObject("requestBody").putObject("content");
    for (String mediaType : List.of(PatchTranslator.JSON_PATCH, PatchTranslator.MERGE_PATCH,
        PatchTranslator.APPLY_PATCH)) {
      content.putObject(mediaType).putObject("schema").put("type", "object");
    }
    return op;
  }

  private static ObjectNode queryParameter(String name) {
    ObjectNode parameter = Json.object();
    parameter.put("name", name);
    parameter.put("in", "query");
    parameter.put("description", name);
    ObjectNode schema = parameter.putObject("schema");
    schema.put("type", name.equals("force") ? "boolean" : "string");
    schema.put("uniqueItems", true);
    return parameter;
  }

  private static ObjectNode gvk(ResourceType type) {
    ObjectNode gvk = Json.object();
    gvk.put("group", type.group());
    gvk.put("kind", type.kind());
    gvk.put("version", type.version());
    return gvk;
  }

  private static ObjectNode schema(ResourceType type) {
    ObjectNode schema;
    if (type.schema() != null) {
      schema = type.schema().deepCopy();
    } else {
      schema = Json.object();
      schema.put("type", "object");
      schema.put("x-kubernetes-preserve-unknown-fields", true);
    }
    ObjectNode properties = schema.has("properties") ? (ObjectNode) schema.get("properties")
        : schema.putObject("properties");
    properties.set("apiVersion", describedString("APIVersion defines the versioned schema of this representation of "
        + "an object."));
    properties.set("kind", describedString("Kind is a string value representing the REST resource this object "
        + "represents."));
    ObjectNode metadata = Json.object();
    metadata.put("type", "object");
    metadata.put("description", "Standard object's metadata.");
    properties.set("metadata", metadata);
    ArrayNode gvks = Json.array();
    gvks.add(gvk(type));
    schema.set("x-kubernetes-group-version-kind", gvks);
    return schema;
  }

  private static JsonNode describedString(String description) {
    ObjectNode node = Json.object();
    node.put("type", "string");
    node.put("description", description);
    return node;
  }

  private static String definitionName(ResourceType type) {
    if (type.group().isEmpty()) {
      return "io.k8s.api.core." + type.version() + "." + type.kind();
    }
    String[] parts = type.group().split("\\.");
    StringBuilder reversed = new StringBuilder();
    for (int i = parts.length - 1; i >= 0; i--) {
      reversed.append(parts[i]).append('.');
    }
    return reversed + type.version() + "." + type.kind();
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest, 0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
