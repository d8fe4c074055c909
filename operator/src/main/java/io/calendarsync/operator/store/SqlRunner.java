package io.calendarsync.operator.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a store's statements run: in a transaction of their own on a pooled connection, or inside a transaction
 * someone else opened and will commit. The stores are written once and work both ways.
 */
sealed interface SqlRunner {

  /** Runs {@code work}; a failure becomes a {@link StoreException} saying it could not {@code action}. */
  <T> T run(String action, SqlWork<T> work);

  /** Each call borrows a connection and commits its own transaction. */
  record Pooled(DataSource dataSource) implements SqlRunner {
    @Override
    public <T> T run(String action, SqlWork<T> work) {
      try (Connection connection = dataSource.getConnection()) {
        return inTransaction(connection, work);
      } catch (SQLException e) {
        throw StoreException.of(action, e);
      }
    }
  }

  /** Each call joins the caller's open transaction on {@code connection}. */
  record Joined(Connection connection) implements SqlRunner {
    @Override
    public <T> T run(String action, SqlWork<T> work) {
      try {
        return work.run(connection);
      } catch (SQLException e) {
        throw StoreException.of(action, e);
      }
    }
  }

  /** Runs {@code work} in one transaction on {@code connection}: commits if it returns, rolls back if it throws. */
  static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    }
  }
}
