package io.calendarsync.operator.store;

import java.sql.Connection;
import java.sql.SQLException;

/** JDBC statements to run on one connection. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
