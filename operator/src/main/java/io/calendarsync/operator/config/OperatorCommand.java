package io.calendarsync.operator.config;

import io.calendarsync.api.v1alpha1.Durations;
import io.calendarsync.operator.store.StoreConnectionSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
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

  @Option(names = "--database-url", defaultValue = "${env:CALENDAR_SYNC_DATABASE_URL:-}",
      description = "JDBC URL of the schedule database (env CALENDAR_SYNC_DATABASE_URL).")
  String databaseUrl;

  @Option(names = "--database-username", defaultValue = "${env:CALENDAR_SYNC_DATABASE_USERNAME:-}",
      description = "Database user (env CALENDAR_SYNC_DATABASE_USERNAME).")
  String databaseUsername;

  /** Environment only: a password on the command line would show in the process list. */
  String databasePassword = System.getenv().getOrDefault("CALENDAR_SYNC_DATABASE_PASSWORD", "");

  @Option(names = "--redis-uri", defaultValue = "${env:CALENDAR_SYNC_REDIS_URI:-}",
      description = "Redis for notifications and the event stream, e.g. redis://redis:6379 (env CALENDAR_SYNC_REDIS_URI).")
  String redisUri;

  @Option(names = "--vendor-requests-per-second", defaultValue = "${env:CALENDAR_SYNC_VENDOR_REQUESTS_PER_SECOND:-10}",
      description = "Request budget per vendor, shared by all its providers (env CALENDAR_SYNC_VENDOR_REQUESTS_PER_SECOND).")
  double vendorRequestsPerSecond;

  @Option(names = "--google-api-url", defaultValue = "${env:CALENDAR_SYNC_GOOGLE_API_URL:-https://www.googleapis.com/}",
      description = "Google APIs root; point at an emulator for tests (env CALENDAR_SYNC_GOOGLE_API_URL).")
  String googleApiUrl;

  @Option(names = "--google-token-url", defaultValue = "${env:CALENDAR_SYNC_GOOGLE_TOKEN_URL:-https://oauth2.googleapis.com/token}",
      description = "Google's OAuth token endpoint (env CALENDAR_SYNC_GOOGLE_TOKEN_URL).")
  String googleTokenUrl;

  @Option(names = "--google-authorize-url", defaultValue = "${env:CALENDAR_SYNC_GOOGLE_AUTHORIZE_URL:-https://accounts.google.com/o/oauth2/v2/auth}",
      description = "Google's consent page (env CALENDAR_SYNC_GOOGLE_AUTHORIZE_URL).")
  String googleAuthorizeUrl;

  @Option(names = "--graph-url", defaultValue = "${env:CALENDAR_SYNC_GRAPH_URL:-https://graph.microsoft.com/v1.0}",
      description = "Microsoft Graph v1.0 root (env CALENDAR_SYNC_GRAPH_URL).")
  String graphUrl;

  @Option(names = "--microsoft-login-url", defaultValue = "${env:CALENDAR_SYNC_MICROSOFT_LOGIN_URL:-https://login.microsoftonline.com}",
      description = "Microsoft identity platform root (env CALENDAR_SYNC_MICROSOFT_LOGIN_URL).")
  String microsoftLoginUrl;

  @Option(names = "--receiver-public-url", defaultValue = "${env:CALENDAR_SYNC_RECEIVER_PUBLIC_URL:-}",
      description = "Public HTTPS base URL of the webhook receiver; push channels and consent redirects point there. "
          + "Empty: providers are polled every syncInterval and no consent URL is offered (env CALENDAR_SYNC_RECEIVER_PUBLIC_URL).")
  String receiverPublicUrl;

  @Option(names = "--push-renewal-lead", defaultValue = "${env:CALENDAR_SYNC_PUSH_RENEWAL_LEAD:-24h}",
      description = "How long before expiry a push channel is renewed, such as 24h (env CALENDAR_SYNC_PUSH_RENEWAL_LEAD).")
  String pushRenewalLead;

  public LogFormat logFormat() {
    return logFormat;
  }

  public String logLevel() {
    return logLevel;
  }

  public EngineSettings toEngineSettings() {
    return new EngineSettings(new StoreConnectionSettings(databaseUrl, databaseUsername, databasePassword), redisUri,
        new VendorEndpoints(URI.create(googleApiUrl), URI.create(googleTokenUrl), URI.create(googleAuthorizeUrl),
            URI.create(graphUrl), URI.create(microsoftLoginUrl)),
        vendorRequestsPerSecond,
        receiverPublicUrl.isBlank() ? Optional.empty() : Optional.of(URI.create(receiverPublicUrl.strip())),
        Durations.parse(pushRenewalLead.strip()));
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
