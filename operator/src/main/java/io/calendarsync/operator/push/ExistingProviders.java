package io.calendarsync.operator.push;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.operator.store.ProviderKey;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Which providers are gone, read from the API server rather than the informer cache: the sweep may run before the
 * cache is filled, and an empty cache must not pass for "every provider is gone". An operator watching some namespaces
 * only lists those (its RBAC may allow no more) and judges no provider of another namespace: another installation may
 * own it.
 */
final class ExistingProviders implements Supplier<Optional<Predicate<String>>> {

  private static final Logger LOG = LoggerFactory.getLogger(ExistingProviders.class);

  private final KubernetesClient kubernetes;
  private final Set<String> watchedNamespaces;

  /** @param watchedNamespaces the operator's namespaces; empty when it watches all */
  ExistingProviders(KubernetesClient kubernetes, Set<String> watchedNamespaces) {
    this.kubernetes = kubernetes;
    this.watchedNamespaces = Set.copyOf(watchedNamespaces);
  }

  /**
   * A test of provider keys ({@code namespace/name}) true for those known to be deleted; empty when the providers
   * cannot be listed now (API server unreachable, or no permission).
   */
  @Override
  public Optional<Predicate<String>> get() {
    Set<String> existing = new HashSet<>();
    try {
      if (watchedNamespaces.isEmpty()) {
        addKeys(kubernetes.resources(CalendarProvider.class).inAnyNamespace().list().getItems(), existing);
      } else {
        for (String namespace : watchedNamespaces) {
          addKeys(kubernetes.resources(CalendarProvider.class).inNamespace(namespace).list().getItems(), existing);
        }
      }
    } catch (KubernetesClientException e) {
      LOG.info("cannot list providers for the registry sweep: {}", e.getMessage());
      return Optional.empty();
    }
    return Optional.of(key -> watched(key) && !existing.contains(key));
  }

  private boolean watched(String providerKey) {
    return watchedNamespaces.isEmpty() || ProviderKey.tryParse(providerKey)
        .map(key -> watchedNamespaces.contains(key.namespace())).orElse(false);
  }

  private static void addKeys(List<CalendarProvider> providers, Set<String> keys) {
    providers.forEach(p -> keys.add(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()));
  }
}
