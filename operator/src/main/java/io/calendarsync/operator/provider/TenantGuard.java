package io.calendarsync.operator.provider;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.MetadataKeys;
import io.calendarsync.operator.status.Reason;
import io.fabric8.kubernetes.api.model.Namespace;

import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps a namespace's providers to its own tenant: with enforcement on, spec.tenant must equal the namespace label
 * {@code calendarsync.io/tenant}, so a team cannot sync another tenant's schedule by naming it.
 */
final class TenantGuard {

  private final boolean enforced;

  TenantGuard(boolean enforced) {
    this.enforced = enforced;
  }

  boolean isEnforced() {
    return enforced;
  }

  Optional<Problem> check(CalendarProvider provider, Function<String, Optional<Namespace>> namespaces) {
    if (!enforced) {
      return Optional.empty();
    }
    String namespace = provider.getMetadata().getNamespace();
    String tenant = provider.getSpec().getTenant();
    Optional<String> label = namespaces.apply(namespace)
        .map(ns -> ns.getMetadata().getLabels())
        .map(labels -> labels.get(MetadataKeys.TENANT));
    if (label.isEmpty()) {
      return Optional.of(new Problem(Reason.FORBIDDEN, "Namespace " + namespace + " has no label "
          + MetadataKeys.TENANT + "; label it with the tenant whose schedule its providers may sync"));
    }
    if (!label.get().equals(tenant)) {
      return Optional.of(new Problem(Reason.FORBIDDEN, "spec.tenant '" + tenant + "' does not match the tenant '"
          + label.get() + "' of namespace " + namespace + " (label " + MetadataKeys.TENANT + ")"));
    }
    return Optional.empty();
  }
}
