package io.calendarsync.playground.kube;

import io.calendarsync.emulators.kubernetes.CelRules;

/**
 * Keeps the catalog in step with CustomResourceDefinition objects (what apiextensions-apiserver's controllers do):
 * a CRD that is created or changed is served at once by discovery, OpenAPI, tables and the REST paths; a deleted one
 * stops being served.
 */
final class CrdController implements WatchHub.Listener {

  private final ResourceCatalog catalog;

  CrdController(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void onChange(WatchHub.Change change) {
    if (!change.resource().builtin() || !change.resource().kind().equals("CustomResourceDefinition")) {
      return;
    }
    if (change.type() == WatchHub.Type.DELETED) {
      catalog.removeCrd(change.name());
    } else {
      catalog.putCrd(change.object());
      for (com.fasterxml.jackson.databind.JsonNode version : change.object().path("spec").path("versions")) {
        CelRules.precompile(version.path("schema").path("openAPIV3Schema"));
      }
    }
  }
}
