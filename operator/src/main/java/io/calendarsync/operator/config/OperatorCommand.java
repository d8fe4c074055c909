package io.calendarsync.operator.config;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's flags. Each has an environment variable (what the Helm chart sets) and a default; a flag wins over
 * its variable.
 */
@Command(name = "calendar-sync-operator", mixinStandardHelpOptions = true,
    description = "Keeps a PostgreSQL schedule and Google / Outlook calendars in sync, one CalendarProvider per calendar.")
public class OperatorCommand {

  public enum LogFormat { text, json }

  @Option(names = "--watch-namespaces", defaultValue = "${env:CALENDAR_SYNC_WATCH_NAMESPACES:-}",
      description = "Comma-separated namespaces to watch; empty watches all (env CALENDAR_SYNC_WATCH_NAMESPACES).")
  String watchNamespaces;

  @Option(names = "--tenant-enforcement", arity = "1", defaultValue = "${env:CALENDAR_SYNC_TENANT_ENFORCEMENT:-true}",
      description = "Require spec.tenant to equal the namespace label calendarsync.io/tenant (env CALENDAR_SYNC_TENANT_ENFORCEMENT).")
  boolean tenantEnforcement;

  @Option(names = "--leader-election", arity = "1", defaultValue = "${env:CALENDAR_SYNC_LEADER_ELECTION:-false}",
      description = "Take a Lease before reconciling (env CALENDAR_SYNC_LEADER_ELECTION).")
  boolean leaderElection;

  @Option(names = "--leader-election-namespace", defaultValue = "${env:CALENDAR_SYNC_LEADER_ELECTION_NAMESPACE:-}",
      description = "Namespace of the Lease (env CALENDAR_SYNC_LEADER_ELECTION_NAMESPACE).")
  String leaseNamespace;

  @Option(names = "--leader-election-lease", defaultValue = "${env:CALENDAR_SYNC_LEADER_ELECTION_LEASE:-calendar-sync-operator}",
      description = "Name of the Lease (env CALENDAR_SYNC_LEADER_ELECTION_LEASE).")
  String leaseName;

  @Option(names = "--identity", defaultValue = "${env:POD_NAME:-}",
      description = "This replica's name in the Lease (env POD_NAME; default: the host name).")
  String identity;

  @Option(names = "--http-port", defaultValue = "${env:CALENDAR_SYNC_HTTP_PORT:-8080}",
      description = "Port of /healthz, /readyz and /metrics (env CALENDAR_SYNC_HTTP_PORT).")
  int httpPort;

  @Option(names = "--reconcile-threads", defaultValue = "${env:CALENDAR_SYNC_RECONCILE_THREADS:-10}",
      description = "Providers reconciled at once (env CALENDAR_SYNC_RECONCILE_THREADS).")
  int reconcileThreads;

  @Option(names = "--log-format", defaultValue = "${env:CALENDAR_SYNC_LOG_FORMAT:-text}",
      description = "text or json (env CALENDAR_SYNC_LOG_FORMAT).")
  LogFormat logFormat;

  @Option(names = "--log-level", defaultValue = "${env:CALENDAR_SYNC_LOG_LEVEL:-INFO}",
      description = "Level of the operator's own loggers (env CALENDAR_SYNC_LOG_LEVEL).")
  String logLevel;

  public LogFormat logFormat() {
    return logFormat;
  }

  public String logLevel() {
    return logLevel;
  }

  public OperatorConfig toConfig() {
    Set<String> namespaces = Arrays.stream(watchNamespaces.split(","))
        .map(String::strip)
        .filter(ns -> !ns.isEmpty())
        .collect(Collectors.toSet());
    OperatorConfig defaults = OperatorConfig.defaults();
    return new OperatorConfig(namespaces, tenantEnforcement, leaderElection, leaseName,
        leaseNamespace.isBlank() ? null : leaseNamespace, identity.isBlank() ? null : identity, httpPort,
        reconcileThreads, defaults.cleanupAttempts(), defaults.retryBackoff(), defaults.maxRetryBackoff());
  }
}
