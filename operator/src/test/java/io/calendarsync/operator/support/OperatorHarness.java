package io.calendarsync.operator.support;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.operator.config.OperatorConfig;
import io.calendarsync.operator.runtime.CalendarSyncOperator;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The real operator (JOSDK, reconciler, metrics endpoint) against the mock API server, with the scripted sync port. */
public final class OperatorHarness implements AutoCloseable {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  public final MockKubernetes kubernetes = new MockKubernetes();
  public final ScriptedCalendarSync sync = new ScriptedCalendarSync();
  public final CalendarSyncOperator operator;

  public OperatorHarness() {
    this(OperatorConfig.defaults());
  }

  public OperatorHarness(OperatorConfig config) {
    operator = CalendarSyncOperator.start(config.withHttpPort(0).withRetry(3, Duration.ofMillis(200), Duration.ofSeconds(1)),
        kubernetes.client(), sync, Clock.systemUTC());
  }

  public KubernetesClient client() {
    return kubernetes.client();
  }

  /** A fresh tenant namespace, so tests sharing one operator never see each other's providers. */
  public String newTenantNamespace(String tenant) {
    String name = "ns-" + NAMESPACES.incrementAndGet();
    client().resource(Resources.tenantNamespace(name, tenant)).create();
    return name;
  }

  public CalendarProvider get(String namespace, String name) {
    return client().resources(CalendarProvider.class).inNamespace(namespace).withName(name).get();
  }

  public List<Event> events(String namespace, String involvedName) {
    return client().v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> involvedName.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  @Override
  public void close() {
    operator.close();
    kubernetes.close();
  }
}
