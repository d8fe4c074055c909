package io.calendarsync.helm;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the chart's alerts and dashboard may query: the series the operator's /metrics endpoint exposes, and the
 * metric names a PromQL expression uses.
 */
final class ExposedMetrics {

  /**
   * The operator's series as Prometheus names, copied from its /metrics output (the endpoint
   * operator/.../runtime/ManagementEndpointsTest scrapes) with one provider that synced, one whose sync failed and one
   * whose reconcile threw, since a counter appears only once it counted something. They come from OperatorMetrics
   * (calendarsync_*), JOSDK 5.2.3's MicrometerMetrics without per-resource meters (operator_sdk_*) and Micrometer's
   * JVM and processor binders. A meter added to or removed from the operator belongs here too.
   */
  static final Set<String> OPERATOR = Set.of(
      "calendarsync_providers",
      "calendarsync_push_channel_renewals_total",
      "calendarsync_push_channels_expiring",
      "calendarsync_push_notifications_consumed_total",
      "calendarsync_status_writes_total",
      "calendarsync_sync_duration_seconds_count",
      "calendarsync_sync_duration_seconds_max",
      "calendarsync_sync_duration_seconds_sum",
      "calendarsync_syncs_total",
      "calendarsync_token_refreshes_total",
      "jvm_buffer_count_buffers",
      "jvm_buffer_memory_used_bytes",
      "jvm_buffer_total_capacity_bytes",
      "jvm_gc_live_data_size_bytes",
      "jvm_gc_max_data_size_bytes",
      "jvm_gc_memory_allocated_bytes_total",
      "jvm_gc_memory_promoted_bytes_total",
      "jvm_gc_pause_seconds_count",
      "jvm_gc_pause_seconds_max",
      "jvm_gc_pause_seconds_sum",
      "jvm_memory_committed_bytes",
      "jvm_memory_max_bytes",
      "jvm_memory_used_bytes",
      "jvm_threads_daemon_threads",
      "jvm_threads_live_threads",
      "jvm_threads_peak_threads",
      "jvm_threads_started_threads_total",
      "jvm_threads_states_threads",
      "operator_sdk_controllers_execution_reconcile_failure_total",
      "operator_sdk_controllers_execution_reconcile_seconds_bucket",
      "operator_sdk_controllers_execution_reconcile_seconds_count",
      "operator_sdk_controllers_execution_reconcile_seconds_max",
      "operator_sdk_controllers_execution_reconcile_seconds_sum",
      "operator_sdk_controllers_execution_reconcile_success_total",
      "operator_sdk_events_received_total",
      "operator_sdk_reconciliations_executions_calendarprovider",
      "operator_sdk_reconciliations_failed_total",
      "operator_sdk_reconciliations_queue_size_calendarprovider",
      "operator_sdk_reconciliations_started_total",
      "operator_sdk_reconciliations_success_total",
      "process_cpu_time_ns_total",
      "process_cpu_usage",
      "system_cpu_count",
      "system_cpu_usage",
      "system_load_average_1m");

  /** Prometheus records {@code up} for every target it scrapes: the one series about the operator it does not serve. */
  static final Set<String> SCRAPE = Set.of("up");

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern BRACES_OR_BRACKETS = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
  private static final Pattern LABEL_LIST = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][\\w:]*)(?!\\w)(\\s*\\()?");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

  private ExposedMetrics() {}

  /**
   * The metric names a PromQL expression selects: identifiers that are not functions, keywords, label names or the
   * values of label matchers.
   */
  static Set<String> namesIn(String promQl) {
    String bare = LABEL_LIST.matcher(BRACES_OR_BRACKETS.matcher(STRING.matcher(promQl).replaceAll("\"\""))
        .replaceAll(" ")).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(bare);
    while (identifier.find()) {
      boolean function = identifier.group(2) != null;
      if (!function && !KEYWORDS.contains(identifier.group(1).toLowerCase())) {
        names.add(identifier.group(1));
      }
    }
    return names;
  }
}
