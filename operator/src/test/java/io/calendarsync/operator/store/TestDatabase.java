package io.calendarsync.operator.store;

import com.zaxxer.hikari.HikariDataSource;
import io.calendarsync.emulators.embedded.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh, migrated database on the JVM's shared embedded PostgreSQL, with a pool and a {@link Store} on it. */
public final class TestDatabase implements AutoCloseable {

  private final StoreConnectionSettings settings;
  private final HikariDataSource dataSource;
  private final Store store;

  private TestDatabase(StoreConnectionSettings settings) {
    this.settings = settings;
    this.dataSource = StoreDataSource.create(settings, 5);
    this.store = new Store(dataSource);
  }

  public static TestDatabase migrated() {
    return migrated(EmbeddedPostgresServer.shared());
  }

  public static TestDatabase migrated(EmbeddedPostgresServer server) {
    TestDatabase database = empty(server);
    new SchemaMigrator(database.dataSource).migrate();
    return database;
  }

  /** Another pool on the same database, as a second operator replica has. */
  public static TestDatabase sharing(TestDatabase other) {
    return new TestDatabase(other.settings);
  }

  public static TestDatabase empty(EmbeddedPostgresServer server) {
    return new TestDatabase(new StoreConnectionSettings(server.createDatabase(), server.user(), server.password()));
  }

  public StoreConnectionSettings settings() {
    return settings;
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  public Store store() {
    return store;
  }

  /** A connection of its own, outside the pool, as the platform or a second replica would have. */
  public Connection connect() throws SQLException {
    return settings.connect();
  }

  /** Runs SQL as the platform does: plain statements, no origin set. */
  public void execute(String sql) {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
