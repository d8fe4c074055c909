package io.calendarsync.operator.store;

import javax.sql.DataSource;

/**
 * The operator's entry to the store: each table's store, whose every call is a transaction of its own, and
 * {@link #inTransaction} for calls that must commit together.
 */
public final class Store {

  private final SqlRunner pooled;
  private final ScheduleEntryStore entries;
  private final EventMappingStore mappings;
  private final SyncStateStore syncState;
  private final ChangeLogReader changeLog;
  private final ProviderLocks providerLocks;
  private final PushChannelStore pushChannels;

  public Store(DataSource dataSource) {
    this.pooled = new SqlRunner.Pooled(dataSource);
    this.entries = new ScheduleEntryStore(pooled);
    this.mappings = new EventMappingStore(pooled);
    this.syncState = new SyncStateStore(pooled);
    this.changeLog = new ChangeLogReader(pooled);
    this.providerLocks = new ProviderLocks(dataSource);
    this.pushChannels = new PushChannelStore(pooled);
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

  public ChangeLogReader changeLog() {
    return changeLog;
  }

  public ProviderLocks providerLocks() {
    return providerLocks;
  }

  public PushChannelStore pushChannels() {
    return pushChannels;
  }

  /**
   * Runs {@code work} in one transaction on a pooled connection. To sync a provider, prefer
   * {@link ProviderLock#inTransaction}, which also proves the lock is still held.
   */
  public <T> T inTransaction(StoreWork<T> work) {
    return pooled.run("commit a transaction", connection -> work.run(new StoreTransaction(connection)));
  }
}
