package io.calendarsync.emulators.embedded;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

  private static EmbeddedPostgresServer server;

  @BeforeAll
  static void startServer() {
    server = EmbeddedPostgresServer.start();
  }

  @AfterAll
  static void closeServer() {
    server.close();
  }

  @Test
  void answersQueriesAsTheSuperuserWhateverUserRunsTheTests() throws SQLException {
    assertThat(queryString(server.jdbcUrl(), "SELECT current_user")).isEqualTo("postgres");
    assertThat(queryString(server.jdbcUrl(), "SHOW server_version")).startsWith("17.");
  }

  @Test
  void restartsOnTheSamePortWithItsData() throws SQLException {
    String url = server.createDatabase();
    execute(url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('before restart')");
    int port = server.port();

    server.stop();
    assertThat(server.isRunning()).isFalse();
    assertThatThrownBy(() -> queryString(url, "SELECT 1")).isInstanceOf(SQLException.class);

    server.restart();
    assertThat(server.port()).isEqualTo(port);
    assertThat(queryString(url, "SELECT v FROM kept")).isEqualTo("before restart");
  }

  @Test
  void givesEachCallerItsOwnDatabase() throws SQLException {
    String first = server.createDatabase();
    String second = server.createDatabase();
    execute(first, "CREATE TABLE only_in_first (v int)");

    assertThat(first).isNotEqualTo(second);
    assertThat(queryString(second, "SELECT to_regclass('only_in_first')::text")).isNull();
  }

  @Test
  void keepsAGivenDataDirectoryAfterClose(@TempDir Path parent) throws SQLException {
    Path data = parent.resolve("pg");
    try (EmbeddedPostgresServer own = EmbeddedPostgresServer.start(0, data)) {
      execute(own.jdbcUrl(), "CREATE TABLE survivor (v int)");
    }
    assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();

    try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(0, data)) {
      assertThat(queryString(again.jdbcUrl(), "SELECT to_regclass('survivor')::text")).isEqualTo("survivor");
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String queryString(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
