package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every resource the server serves: the built-ins plus one entry per served version of each installed
 * CustomResourceDefinition. Discovery, OpenAPI, tables, patches and watches all read it; CRD writes update it.
 */
final class ResourceCatalog {

  private record Key(String group, String version, String plural) {
  }

  private final Map<Key, ResourceType> types = new ConcurrentHashMap<>();
  private final Map<String, List<Key>> byCrd = new ConcurrentHashMap<>();

  ResourceCatalog() {
    BuiltinResources.all().forEach(this::add);
  }

  private void add(ResourceType type) {
    types.put(new Key(type.group(), type.version(), type.plural()), type);
  }

  Optional<ResourceType> find(String group, String version, String plural) {
    return Optional.ofNullable(types.get(new Key(group, version, plural)));
  }

  /** The resource for an object's apiVersion and kind. */
  Optional<ResourceType> forKind(String apiVersion, String kind) {
    if (apiVersion == null || kind == null) {
      return Optional.empty();
    }
    return types.values().stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst();
  }

  List<ResourceType> all() {
    return types.values().stream()
        .sorted(Comparator.comparing(ResourceType::group).thenComparing(ResourceType::version)
            .thenComparing(ResourceType::plural))
        .toList();
  }

  /** group -> versions (in the order the CRD lists them; built-in groups have one). */
  Map<String, List<String>> groupVersions() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (ResourceType type : all()) {
      List<String> versions = result.computeIfAbsent(type.group(), g -> new ArrayList<>());
      if (!versions.contains(type.version())) {
        versions.add(type.version());
      }
    }
    return result;
  }

  List<ResourceType> inGroupVersion(String group, String version) {
    return all().stream().filter(t -> t.group().equals(group) && t.version().equals(version))
        .collect(Collectors.toList());
  }

  boolean servesGroupVersion(String group, String version) {
    return types.keySet().stream().anyMatch(k -> k.group().equals(group) && k.version().equals(version));
  }

  /** Registers (or re-registers) the served versions of a CustomResourceDefinition. */
  void putCrd(JsonNode crd) {
    String name = Json.text(crd, "metadata", "name");
    removeCrd(name);
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    List<Key> keys = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(true)) {
        continue;
      }
      ResourceType type = new ResourceType(
          spec.path("group").asText(),
          version.path("name").asText(),
          names.path("kind").asText(),
          names.path("plural").asText(),
          names.path("singular").asText(names.path("kind").asText().toLowerCase(java.util.Locale.ROOT)),
          !"Cluster".equals(spec.path("scope").asText("Namespaced")),
          strings(names.path("shortNames")),
          strings(names.path("categories")),
          version.path("subresources").has("status"),
          JsonPathColumns.fromCrdVersion(version),
          version.path("schema").path("openAPIV3Schema").isMissingNode() ? null
              : version.path("schema").path("openAPIV3Schema"),
          false,
          false);
      Key key = new Key(type.group(), type.version(), type.plural());
      types.put(key, type);
      keys.add(key);
    }
    byCrd.put(name, keys);
  }

  void removeCrd(String crdName) {
    List<Key> keys = byCrd.remove(crdName);
    if (keys != null) {
      keys.forEach(types::remove);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return List.copyOf(values);
  }
}
