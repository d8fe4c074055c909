package io.calendarsync.operator.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;

/** Builds the store's connection pool. */
public final class StoreDataSource {

  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  private StoreDataSource() {
  }

  /**
   * A pool of at most {@code maximumPoolSize} connections. Every {@link ProviderLock} holds one connection for as long
   * as its sync runs, so size the pool above the number of providers syncing at once.
   */
  public static HikariDataSource create(StoreConnectionSettings settings, int maximumPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("calendar-sync-store");
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(maximumPoolSize);
    // Fail a call quickly, as StoreException UNAVAILABLE, rather than stall a reconcile while the database is away.
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    // Start even while the database is down: the operator then reports StoreUnavailable instead of crash-looping.
    config.setInitializationFailTimeout(-1);
    // Shows who holds a connection in pg_stat_activity.
    config.addDataSourceProperty("ApplicationName", "calendar-sync-operator");
    return new HikariDataSource(config);
  }
}
