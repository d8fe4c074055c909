package io.calendarsync.operator.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A held provider lock: a session-level advisory lock on a connection of its own, kept for the whole sync (vendor
 * calls included) and released by {@link #close()}.
 *
 * <p>Write the sync's results with {@link #inTransaction}: it runs on the lock's own connection, so if that
 * connection was lost, and with it the lock (another replica may hold it by now), the commit fails instead of
 * overwriting the other replica's watermark.
 */
public final class ProviderLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderLock.class);

  /** The lock's 64-bit key, from the provider key; the prefix keeps clear of other users of advisory locks. */
  static final String LOCK_ID = "hashtextextended('calendar-sync/provider/' || ?, 0)";

  private final ProviderKey provider;
  private final Connection connection;

  ProviderLock(ProviderKey provider, Connection connection) {
    this.provider = provider;
    this.connection = connection;
  }

  public ProviderKey provider() {
    return provider;
  }

  /** Runs {@code work} in one transaction on the lock's connection; see the class comment. */
  public <T> T inTransaction(StoreWork<T> work) {
    try {
      return SqlRunner.inTransaction(connection, c -> work.run(new StoreTransaction(c)));
    } catch (SQLException e) {
      throw StoreException.of("commit the sync of " + provider, e);
    }
  }

  /** Releases the lock and returns the connection to the pool. */
  @Override
  public void close() {
    try {
      connection.setAutoCommit(true);
      try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(" + LOCK_ID + ")")) {
        statement.setString(1, provider.toString());
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          if (!row.getBoolean(1)) {
            LOG.warn("The lock of provider {} was lost before it was released", provider);
          }
        }
      }
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Could not release the lock of provider {}; ending its session instead", provider, e);
      discard(connection);
    }
  }

  /**
   * Gives back a connection that may still hold a lock without letting the pool reuse the session: aborting ends
   * it, and with it every lock it holds; the pool then finds the connection dead and replaces it.
   */
  static void discard(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.abort(Runnable::run);
    } catch (SQLException | RuntimeException e) {
      LOG.debug("Aborting a store connection failed", e);
    }
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      LOG.debug("Closing an aborted store connection failed", e);
    }
  }
}
