package io.calendarsync.operator.notify;

import java.util.Map;

/**
 * The outbound event stream other systems subscribe to ({@code calsync:events} in Redis): sync completed or failed,
 * conflict detected. Publishing is best effort and never fails a sync.
 */
public interface EventStream {

  String CONFLICT_DETECTED = "CALENDAR_CONFLICT_DETECTED";
  String SYNC_COMPLETED = "CALENDAR_SYNC_COMPLETED";
  String SYNC_FAILED = "CALENDAR_SYNC_FAILED";

  void publish(String type, Map<String, String> fields);
}
