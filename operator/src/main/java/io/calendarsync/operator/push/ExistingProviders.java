package io.calendarsync.operator.push;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The keys of all CalendarProviders, read from the API server rather than the informer cache: the sweep may run before
 * the cache is filled, and an empty cache must not pass for "every provider is gone".
 */
final class ExistingProviders implements Supplier<Optional<Set<String>>> {

  private static final Logger LOG = LoggerFactory.getLogger(ExistingProviders.class);

  private final KubernetesClient kubernetes;

  ExistingProviders(KubernetesClient kubernetes) {
    this.kubernetes = kubernetes;
  }

  /** Empty when they cannot be listed now (API server unreachable, or no permission to list across namespaces). */
  @Override
  public Optional<Set<String>> get() {
    try {
      return Optional.of(kubernetes.resources(CalendarProvider.class).inAnyNamespace().list().getItems().stream()
          .map(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName())
          .collect(Collectors.toSet()));
    } catch (KubernetesClientException e) {
      LOG.info("cannot list providers for the registry sweep: {}", e.getMessage());
      return Optional.empty();
    }
  }
}
