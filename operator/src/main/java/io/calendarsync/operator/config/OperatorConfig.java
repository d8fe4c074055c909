package io.calendarsync.operator.config;

import java.time.Duration;
import java.util.Set;

/**
 * Everything the operator is told at start-up. Built from flags and environment by {@link OperatorCommand}; tests and
 * the playground build it directly.
 *
 * @param watchNamespaces namespaces to watch; empty means all
 * @param tenantEnforcement whether spec.tenant must equal the namespace label calendarsync.io/tenant
 * @param leaderElection whether to take a Lease before reconciling (needed with more than one replica)
 * @param httpPort port of /healthz, /readyz and /metrics; 0 picks a free one
 * @param reconcileThreads how many providers reconcile at once
 * @param cleanupAttempts how often deletion tries to release vendor resources before giving up with a Warning Event
 * @param retryBackoff first delay after a failed sync; doubles per consecutive failure up to {@code maxRetryBackoff}
 */
public record OperatorConfig(
    Set<String> watchNamespaces,
    boolean tenantEnforcement,
    boolean leaderElection,
    String leaseName,
    String leaseNamespace,
    String identity,
    int httpPort,
    int reconcileThreads,
    int cleanupAttempts,
    Duration retryBackoff,
    Duration maxRetryBackoff) {

  public OperatorConfig {
    watchNamespaces = Set.copyOf(watchNamespaces);
    if (leaderElection && (leaseNamespace == null || leaseNamespace.isBlank())) {
      throw new IllegalArgumentException(
          "leader election needs the Lease namespace: set CALENDAR_SYNC_LEADER_ELECTION_NAMESPACE or --leader-election-namespace");
    }
    if (cleanupAttempts < 1) {
      throw new IllegalArgumentException("cleanupAttempts must be at least 1");
    }
  }

  /** Defaults suitable for one replica watching every namespace. */
  public static OperatorConfig defaults() {
    return new OperatorConfig(Set.of(), true, false, "calendar-sync-operator", null, null, 8080, 10, 5,
        Duration.ofSeconds(10), Duration.ofMinutes(10));
  }

  public OperatorConfig withWatchNamespaces(Set<String> namespaces) {
    return new OperatorConfig(namespaces, tenantEnforcement, leaderElection, leaseName, leaseNamespace, identity,
        httpPort, reconcileThreads, cleanupAttempts, retryBackoff, maxRetryBackoff);
  }

  public OperatorConfig withLeaderElection(String lease, String namespace, String identity) {
    return new OperatorConfig(watchNamespaces, tenantEnforcement, true, lease, namespace, identity, httpPort,
        reconcileThreads, cleanupAttempts, retryBackoff, maxRetryBackoff);
  }

  public OperatorConfig withHttpPort(int port) {
    return new OperatorConfig(watchNamespaces, tenantEnforcement, leaderElection, leaseName, leaseNamespace, identity,
        port, reconcileThreads, cleanupAttempts, retryBackoff, maxRetryBackoff);
  }

  public OperatorConfig withRetry(int attempts, Duration backoff, Duration maxBackoff) {
    return new OperatorConfig(watchNamespaces, tenantEnforcement, leaderElection, leaseName, leaseNamespace, identity,
        httpPort, reconcileThreads, attempts, backoff, maxBackoff);
  }
}
