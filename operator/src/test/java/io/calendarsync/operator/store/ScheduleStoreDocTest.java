package io.calendarsync.operator.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.calendarsync.operator.store.Entries.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQL in docs/schedule-store.md runs as written, and does what the page says. */
class ScheduleStoreDocTest {

  private static final Path DOC = Path.of("..", "docs", "schedule-store.md");
  private static final Pattern SQL_BLOCK = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL);
  private static final String PLATFORM_ROLE = "platform_app";

  @Test
  void everyExampleRunsInOrderAndLeavesWhatThePageDescribes() throws IOException, SQLException {
    List<String> blocks = sqlBlocks();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(8);

    try (TestDatabase database = TestDatabase.migrated()) {
      createPlatformRole(database);
      for (String block : blocks) {
        database.execute(block);
      }

      ScheduleEntryStore entries = database.store().entries();
      ScheduleEntry visit = entries.find(key("visit-1042")).orElseThrow();
      assertThat(visit.content().assignees()).containsExactly("alice", "carol");
      assertThat(visit.content().title()).isEqualTo("On-site visit: boiler service and check");
      assertThat(visit.deleted()).isTrue();
      assertThat(entries.find(key("standup-2026-03-09")).orElseThrow().deleted()).isTrue();
      assertThat(entries.find(key("standup-2026-03-16")).orElseThrow().content().status())
          .isEqualTo(EntryStatus.CANCELLED);
      assertThat(entries.find(key("training-2026-03")).orElseThrow().content().assignees()).containsExactly("dave");
    }
  }

  @Test
  void thePlatformsGrantsAreEnoughToWriteEntriesButNotTheLog() throws SQLException {
    try (TestDatabase database = TestDatabase.migrated()) {
      createPlatformRole(database);
      database.execute("GRANT USAGE ON SCHEMA calendar_sync TO " + PLATFORM_ROLE + ";"
          + " GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_sync.schedule_entries TO " + PLATFORM_ROLE);

      try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
        statement.execute("SET ROLE " + PLATFORM_ROLE);
        statement.execute("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, start_date, end_date,"
            + " assignees) VALUES ('acme', 'by-the-platform', '2026-03-02', '2026-03-03', '{alice}')");

        assertThatThrownBy(() -> statement.execute("INSERT INTO calendar_sync.schedule_entry_changes"
            + " (tenant, entry_id, entry_version, change_kind, origin, old_assignees, new_assignees)"
            + " VALUES ('acme', 'forged', 1, 'created', 'platform', '{}', '{alice}')"))
            .hasMessageContaining("permission denied");
      }
      assertThat(database.store().changeLog().changesFor("acme", "alice", ChangeLogPosition.START, 10).changes())
          .extracting(change -> change.entry().entryId())
          .containsExactly("by-the-platform");
    }
  }

  private static List<String> sqlBlocks() throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher matcher = SQL_BLOCK.matcher(Files.readString(DOC));
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  /** Roles belong to the whole server, which test classes share: create it once. */
  private static void createPlatformRole(TestDatabase database) {
    database.execute("DO $$ BEGIN CREATE ROLE " + PLATFORM_ROLE + ";"
        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
  }
}
