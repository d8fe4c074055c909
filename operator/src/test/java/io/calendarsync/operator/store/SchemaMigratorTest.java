package io.calendarsync.operator.store;

import io.calendarsync.emulators.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigratorTest {

  @Test
  void createsTheSchemaInAnEmptyDatabaseAndDoesNothingOnTheNextStart() throws SQLException {
    try (TestDatabase database = TestDatabase.empty(EmbeddedPostgresServer.shared())) {
      assertThat(new SchemaMigrator(database.dataSource()).migrate()).isEqualTo(4);

      // An operator restart (or a second replica) migrates again: nothing to do, nothing changed.
      assertThat(new SchemaMigrator(database.dataSource()).migrate()).isZero();
      assertThat(tables(database)).containsExactly("event_mappings", "flyway_schema_history",
          "provider_sync_state", "push_channels", "schedule_entries", "schedule_entry_changes");
    }
  }

  private static List<String> tables(TestDatabase database) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = database.connect();
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
             + " WHERE table_schema = 'calendar_sync' ORDER BY table_name")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }
}
