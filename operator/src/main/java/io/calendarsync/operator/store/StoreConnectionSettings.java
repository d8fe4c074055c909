package io.calendarsync.operator.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/** Where the store's PostgreSQL is and how to log in (from the connection Secret). */
public record StoreConnectionSettings(String jdbcUrl, String user, String password) {

  public StoreConnectionSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** A connection outside any pool, for a session that must stay the same (LISTEN). */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  @Override
  public String toString() {
    return "StoreConnectionSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=<redacted>]";
  }
}
