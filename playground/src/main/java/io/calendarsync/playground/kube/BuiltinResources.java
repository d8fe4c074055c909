package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The built-in resources the playground serves, with table columns close to kube-apiserver's own printers. Only the
 * kinds the operator and the tour use: anything else answers 404 like an API server without that group would.
 */
final class BuiltinResources {

  private BuiltinResources() {
  }

  static List<ResourceType> all() {
    return List.of(
        builtin("", "v1", "Namespace", "namespaces", false, List.of("ns"), List.of(), true, List.of(
            PrinterColumn.nameColumn(),
            PrinterColumn.of("Status", "string", 0, o -> Json.text(o, "status", "phase")),
            PrinterColumn.ageColumn())),
        builtin("", "v1", "Secret", "secrets", true, List.of(), List.of(), false, List.of(
            PrinterColumn.nameColumn(),
            PrinterColumn.of("Type", "string", 0, o -> Json.text(o, "type")),
            PrinterColumn.of("Data", "string", 0, o -> (long) o.path("data").size()),
            PrinterColumn.ageColumn())),
        builtin("", "v1", "ConfigMap", "configmaps", true, List.of("cm"), List.of(), false, List.of(
            PrinterColumn.nameColumn(),
            PrinterColumn.of("Data", "string", 0,
                o -> (long) (o.path("data").size() + o.path("binaryData").size())),
            PrinterColumn.ageColumn())),
        builtin("", "v1", "ServiceAccount", "serviceaccounts", true, List.of("sa"), List.of(), false, List.of(
            PrinterColumn.nameColumn(),
            PrinterColumn.of("Secrets", "string", 0, o -> (long) o.path("secrets").size()),
            PrinterColumn.ageColumn())),
        builtin("", "v1", "ResourceQuota", "resourcequotas", true, List.of("quota"), List.of(), true, List.of(
            PrinterColumn.nameColumn(), PrinterColumn.ageColumn())),
        builtin("", "v1", "LimitRange", "limitranges", true, List.of("limits"), List.of(), false, List.of(
            PrinterColumn.nameColumn(), PrinterColumn.ageColumn())),
        builtin("", "v1", "Event", "events", true, List.of("ev"), List.of(), false, List.of(
            PrinterColumn.of("Last Seen", "string", 0, BuiltinResources::eventLastSeen),
            PrinterColumn.of("Type", "string", 0, o -> Json.text(o, "type")),
            PrinterColumn.of("Reason", "string", 0, o -> Json.text(o, "reason")),
            PrinterColumn.of("Object", "string", 0, BuiltinResources::eventObject),
            PrinterColumn.of("Source", "string", 1, o -> Json.text(o, "source", "component")),
            PrinterColumn.of("Message", "string", 0, o -> Json.text(o, "message")),
            PrinterColumn.of("Count", "string", 1, o -> o.path("count").asLong(1)),
            new PrinterColumn("Name", "string", "name", "", 1, o -> Json.text(o, "metadata", "name")))),
        builtin("coordination.k8s.io", "v1", "Lease", "leases", true, List.of(), List.of(), false, List.of(
            PrinterColumn.nameColumn(),
            PrinterColumn.of("Holder", "string", 0, o -> Json.text(o, "spec", "holderIdentity")),
            PrinterColumn.ageColumn())),
        builtin("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false,
            List.of("crd", "crds"), List.of("api-extensions"), true, List.of(
                PrinterColumn.nameColumn(),
                PrinterColumn.of("Created At", "date", 0, o -> Json.text(o, "metadata", "creationTimestamp")))));
  }

  private static ResourceType builtin(String group, String version, String kind, String plural, boolean namespaced,
      List<String> shortNames, List<String> categories, boolean status, List<PrinterColumn> columns) {
    return new ResourceType(group, version, kind, plural, kind.toLowerCase(java.util.Locale.ROOT), namespaced,
        shortNames, categories, status, columns, null, true, true);
  }

  private static Object eventObject(JsonNode event) {
    JsonNode involved = event.path("involvedObject");
    String kind = involved.path("kind").asText("");
    String name = involved.path("name").asText("");
    return kind.toLowerCase(java.util.Locale.ROOT) + "/" + name;
  }

  private static Object eventLastSeen(JsonNode event) {
    for (String field : List.of("lastTimestamp", "eventTime", "firstTimestamp")) {
      String value = Json.text(event, field);
      if (value != null && !value.isEmpty()) {
        return HumanDuration.since(value);
      }
    }
    return HumanDuration.since(Json.text(event, "metadata", "creationTimestamp"));
  }
}
