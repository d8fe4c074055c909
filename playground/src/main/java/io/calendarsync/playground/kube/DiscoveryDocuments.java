package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The discovery documents kubectl needs to map kinds, plurals, short names and categories to URLs: {@code /api},
 * {@code /apis}, {@code /apis/<group>}, {@code /api/v1} and {@code /apis/<group>/<version>}, built from the catalog
 * on every request (so a CRD created a moment ago is served at once).
 * <p>
 * kubectl 1.32 first asks {@code /api} and {@code /apis} for aggregated discovery ({@code as=APIGroupDiscoveryList})
 * but lists plain {@code application/json} as acceptable too; answering the legacy documents with that content type
 * makes it fall back to the per-group-version documents, which is what this class serves.
 */
final class DiscoveryDocuments {

  private final ResourceCatalog catalog;
  private volatile String serverAddress = "127.0.0.1";

  DiscoveryDocuments(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  /** host:port, announced in {@code /api} once the server listens. */
  void serverAddress(String address) {
    this.serverAddress = address;
  }

  /** The document for a discovery path, or null when the path is not one. */
  ObjectNode answer(String path) {
    String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    String[] s = p.split("/");
    if (p.equals("/api")) {
      return apiVersions();
    }
    if (p.equals("/apis")) {
      return groupList();
    }
    if (s.length == 3 && s[1].equals("api")) {
      return catalog.servesGroupVersion("", s[2]) ? resourceList("", s[2]) : null;
    }
    if (s.length == 3 && s[1].equals("apis")) {
      List<String> versions = catalog.groupVersions().get(s[2]);
      return versions == null || s[2].isEmpty() ? null : group(s[2], versions);
    }
    if (s.length == 4 && s[1].equals("apis")) {
      return catalog.servesGroupVersion(s[2], s[3]) ? resourceList(s[2], s[3]) : null;
    }
    return null;
  }

  private ObjectNode apiVersions() {
    ObjectNode doc = Json.object();
    doc.put("kind", "APIVersions");
    doc.putArray("versions").add("v1");
    ObjectNode address = doc.putArray("serverAddressByClientCIDRs").addObject();
    address.put("clientCIDR", "0.0.0.0/0");
    address.put("serverAddress", serverAddress);
    return doc;
  }

  private ObjectNode groupList() {
    ObjectNode doc = Json.object();
    doc.put("kind", "APIGroupList");
    doc.put("apiVersion", "v1");
    ArrayNode groups = doc.putArray("groups");
    for (Map.Entry<String, List<String>> entry : catalog.groupVersions().entrySet()) {
      if (!entry.getKey().isEmpty()) {
        ObjectNode group = group(entry.getKey(), entry.getValue());
        group.remove("kind");
        group.remove("apiVersion");
        groups.add(group);
      }
    }
    return doc;
  }

  private ObjectNode group(String name, List<String> versions) {
    ObjectNode group = Json.object();
    group.put("kind", "APIGroup");
    group.put("apiVersion", "v1");
    group.put("name", name);
    ArrayNode list = group.putArray("versions");
    for (String version : versions) {
      ObjectNode v = list.addObject();
      v.put("groupVersion", name + "/" + version);
      v.put("version", version);
    }
    ObjectNode preferred = group.putObject("preferredVersion");
    preferred.put("groupVersion", name + "/" + versions.get(0));
    preferred.put("version", versions.get(0));
    return group;
  }

  private ObjectNode resourceList(String group, String version) {
    ObjectNode doc = Json.object();
    doc.put("kind", "APIResourceList");
    doc.put("apiVersion", "v1");
    doc.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode resources = doc.putArray("resources");
    for (ResourceType type : catalog.inGroupVersion(group, version)) {
      ObjectNode resource = resources.addObject();
      resource.put("name", type.plural());
      resource.put("singularName", type.singular());
      resource.put("namespaced", type.namespaced());
      resource.put("kind", type.kind());
      ArrayNode verbs = resource.putArray("verbs");
      ResourceType.VERBS.forEach(verbs::add);
      if (!type.shortNames().isEmpty()) {
        ArrayNode shortNames = resource.putArray("shortNames");
        type.shortNames().forEach(shortNames::add);
      }
      if (!type.categories().isEmpty()) {
        ArrayNode categories = resource.putArray("categories");
        type.categories().forEach(categories::add);
      }
      if (type.statusSubresource()) {
        ObjectNode status = resources.addObject();
        status.put("name", type.plural() + "/status");
        status.put("singularName", "");
        status.put("namespaced", type.namespaced());
        status.put("kind", type.kind());
        status.putArray("verbs").add("get").add("patch").add("update");
      }
    }
    return doc;
  }
}
