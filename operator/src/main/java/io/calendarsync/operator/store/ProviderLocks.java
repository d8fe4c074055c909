package io.calendarsync.operator.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Makes sure only one operator replica syncs a provider at a time, with a PostgreSQL advisory lock: the database is
 * the one thing all replicas share, and a replica that dies drops its connection and so its locks.
 */
public final class ProviderLocks {

  private final DataSource dataSource;

  ProviderLocks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Takes the provider's lock if nobody holds it, without waiting. The lock keeps a pooled connection until it is
   * closed.
   */
  public Optional<ProviderLock> tryLock(ProviderKey provider) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT pg_try_advisory_lock(" + ProviderLock.LOCK_ID + ")")) {
        statement.setString(1, provider.toString());
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          if (row.getBoolean(1)) {
            return Optional.of(new ProviderLock(provider, connection));
          }
        }
      }
      connection.close();
      return Optional.empty();
    } catch (SQLException e) {
      ProviderLock.discard(connection);
      throw StoreException.of("lock provider " + provider, e);
    }
  }
}
