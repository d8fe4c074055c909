package io.calendarsync.operator.store;

import java.sql.Connection;

/**
 * The stores inside one open transaction, handed to {@link StoreWork}: everything done through them commits when the
 * work returns and rolls back when it throws. This is how the engine stores an event mapping together with the
 * watermark or sync token that covers it.
 */
public final class StoreTransaction {

  private final ScheduleEntryStore entries;
  private final EventMappingStore mappings;
  private final SyncStateStore syncState;

  StoreTransaction(Connection connection) {
    SqlRunner joined = new SqlRunner.Joined(connection);
    this.entries = new ScheduleEntryStore(joined);
    this.mappings = new EventMappingStore(joined);
    this.syncState = new SyncStateStore(joined);
  }

  public ScheduleEntryStore entries() {
    return entries;
  }

  public EventMappingStore mappings() {
    return mappings;
  }

  public SyncStateStore syncState() {
    return syncState;
  }
}
