package io.calendarsync.operator.runtime;

/**
 * Background work that only the leader may do, such as consuming a Redis stream whose entries wake reconciles: a
 * standby replica has no running reconciler, so a wake-up it consumed would be lost. {@link CalendarSyncOperator}
 * starts such a service once this replica leads (at once without leader election) and closes it on stop.
 */
public interface LeaderService extends AutoCloseable {

  void start();

  @Override
  void close();
}
