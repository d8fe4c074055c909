package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A REST resource the embedded API server serves: what discovery announces, how tables render it, which patch
 * formats and subresources it takes.
 *
 * @param schema the CRD's {@code openAPIV3Schema} (null for built-ins): used for defaulting, validation and OpenAPI
 * @param strategicMerge whether {@code application/strategic-merge-patch+json} is accepted (built-ins only, as in
 *     kube-apiserver)
 */
record ResourceType(String group, String version, String kind, String plural, String singular, boolean namespaced,
    List<String> shortNames, List<String> categories, boolean statusSubresource, List<PrinterColumn> columns,
    JsonNode schema, boolean strategicMerge, boolean builtin) {

  static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code /api/v1} or {@code /apis/<group>/<version>}. */
  String apiPrefix() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /** {@code secrets} or {@code calendarproviders.calendarsync.io}: how error messages name the resource. */
  String qualifiedPlural() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  String listKind() {
    return kind + "List";
  }

  /** The collection path, in a namespace (ignored for cluster-scoped resources) or across all namespaces (null). */
  String collectionPath(String namespace) {
    if (namespaced && namespace != null) {
      return apiPrefix() + "/namespaces/" + namespace + "/" + plural;
    }
    return apiPrefix() + "/" + plural;
  }

  String itemPath(String namespace, String name) {
    return collectionPath(namespace) + "/" + name;
  }
}
