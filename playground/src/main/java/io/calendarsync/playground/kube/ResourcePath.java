package io.calendarsync.playground.kube;

import java.util.List;

/**
 * A request path under {@code /api/v1} or {@code /apis/<group>/<version>}, resolved against the catalog:
 * {@code /apis/calendarsync.io/v1alpha1/namespaces/acme/calendarproviders/alice/status} is type calendarproviders,
 * namespace acme, name alice, subresource status.
 */
record ResourcePath(ResourceType type, String namespace, String name, String subresource) {

  boolean isCollection() {
    return name == null;
  }

  boolean isStatus() {
    return "status".equals(subresource);
  }

  /**
   * Resolves a path (without query). Returns null when the path is not a resource path at all (discovery, OpenAPI);
   * throws NotFound for a resource path the catalog does not serve.
   */
  static ResourcePath resolve(String path, ResourceCatalog catalog) {
    String[] all = path.split("/");
    List<String> segments = java.util.Arrays.stream(all).filter(s -> !s.isEmpty()).toList();
    String group;
    String version;
    int rest;
    if (segments.size() >= 3 && segments.get(0).equals("api")) {
      group = "";
      version = segments.get(1);
      rest = 2;
    } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
      group = segments.get(1);
      version = segments.get(2);
      rest = 3;
    } else {
      return null;
    }
    List<String> r = segments.subList(rest, segments.size());
    String namespace = null;
    if (r.size() >= 3 && r.get(0).equals("namespaces")
        && catalog.find(group, version, r.get(2)).map(ResourceType::namespaced).orElse(false)) {
      namespace = r.get(1);
      r = r.subList(2, r.size());
    }
    String plural = r.get(0);
    ResourceType type = catalog.find(group, version, plural).orElseThrow(() -> ApiException.notFound(
        "the server could not find the requested resource"));
    if (r.size() > 3) {
      throw ApiException.notFound("the server could not find the requested resource");
    }
    String name = r.size() >= 2 ? r.get(1) : null;
    String subresource = r.size() == 3 ? r.get(2) : null;
    if (subresource != null && !(subresource.equals("status") && type.statusSubresource())) {
      throw ApiException.notFound("the server could not find the requested resource");
    }
    return new ResourcePath(type, namespace, name, subresource);
  }
}
