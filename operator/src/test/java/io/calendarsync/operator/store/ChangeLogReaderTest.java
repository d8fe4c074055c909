package io.calendarsync.operator.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeLogReaderTest {

  private static TestDatabase database;
  private static ChangeLogReader changeLog;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.migrated();
    changeLog = database.store().changeLog();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  /**
   * The case a plain sequence gets wrong: the first transaction takes seq n, the second takes n+1 and commits first.
   * A reader that stored n+1 as its watermark would never see n.
   */
  @Test
  void neverSkipsAChangeThatCommitsAfterALaterNumberedOne() throws SQLException {
    String tenant = "late-commit";
    try (Connection first = database.connect(); Connection second = database.connect()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      insertEntry(first, tenant, "first");
      insertEntry(second, tenant, "second");
      second.commit();

      ChangeBatch whileFirstIsOpen = changeLog.changesFor(tenant, "alice", ChangeLogPosition.START, 10);
      assertThat(whileFirstIsOpen.changes()).isEmpty();
      assertThat(whileFirstIsOpen.watermark()).isLessThan(logged(tenant, "second"));

      first.commit();
      assertThat(logged(tenant, "first").sequence()).isLessThan(logged(tenant, "second").sequence());
      ChangeBatch afterBoth = changeLog.changesFor(tenant, "alice", whileFirstIsOpen.watermark(), 10);
      assertThat(entryIds(afterBoth)).containsExactly("first", "second");
    }
  }

  /** The other way round: the transaction that started first logs its change last, after the second committed. */
  @Test
  void ordersChangesByTransactionNotByWhenTheyWereNumbered() throws SQLException {
    String tenant = "late-write";
    try (Connection first = database.connect(); Connection second = database.connect()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      insertEntry(first, tenant, "first-a");
      insertEntry(second, tenant, "second");
      second.commit();
      ChangeLogPosition watermark = changeLog.changesFor(tenant, "alice", ChangeLogPosition.START, 10).watermark();
      insertEntry(first, tenant, "first-b");
      first.commit();

      assertThat(logged(tenant, "first-b").sequence()).isGreaterThan(logged(tenant, "second").sequence());
      assertThat(entryIds(changeLog.changesFor(tenant, "alice", watermark, 10)))
          .containsExactly("first-a", "first-b", "second");
    }
  }

  @Test
  void readsInBoundedBatchesThatResumeAtTheWatermark() throws SQLException {
    String tenant = "batches";
    try (Connection connection = database.connect()) {
      for (int i = 1; i <= 5; i++) {
        insertEntry(connection, tenant, "entry-" + i);
      }
    }

    ChangeBatch first = changeLog.changesFor(tenant, "alice", ChangeLogPosition.START, 2);
    ChangeBatch second = changeLog.changesFor(tenant, "alice", first.watermark(), 2);
    ChangeBatch third = changeLog.changesFor(tenant, "alice", second.watermark(), 2);
    ChangeBatch fourth = changeLog.changesFor(tenant, "alice", third.watermark(), 2);

    assertThat(entryIds(first)).containsExactly("entry-1", "entry-2");
    assertThat(first.mayHaveMore()).isTrue();
    assertThat(entryIds(second)).containsExactly("entry-3", "entry-4");
    assertThat(entryIds(third)).containsExactly("entry-5");
    assertThat(third.mayHaveMore()).isFalse();
    assertThat(fourth.changes()).isEmpty();
    assertThat(fourth.watermark()).isGreaterThanOrEqualTo(third.watermark());
  }

  @Test
  void movesPastOtherPeoplesChangesSoTheyAreNotScannedAgain() throws SQLException {
    String tenant = "others";
    try (Connection connection = database.connect()) {
      insertEntry(connection, tenant, "alices");
    }

    ChangeBatch forBob = changeLog.changesFor(tenant, "bob", ChangeLogPosition.START, 10);

    assertThat(forBob.changes()).isEmpty();
    assertThat(forBob.watermark()).isGreaterThan(logged(tenant, "alices"));
    assertThat(changeLog.horizon()).isGreaterThanOrEqualTo(forBob.watermark());
  }

  /** Where the change of an entry sits in the log, read directly, whether readers may see it yet or not. */
  private static ChangeLogPosition logged(String tenant, String entryId) {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
         var rows = statement.executeQuery("SELECT tx_id::text, seq FROM calendar_sync.schedule_entry_changes"
             + " WHERE tenant = '" + tenant + "' AND entry_id = '" + entryId + "'")) {
      rows.next();
      return new ChangeLogPosition(Long.parseLong(rows.getString(1)), rows.getLong(2));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void insertEntry(Connection connection, String tenant, String entryId) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, starts_at, ends_at, assignees)"
          + " VALUES ('" + tenant + "', '" + entryId + "', '2026-03-02 09:00Z', '2026-03-02 10:00Z', '{alice}')");
    }
  }

  private static List<String> entryIds(ChangeBatch batch) {
    return batch.changes().stream().map(change -> change.entry().entryId()).toList();
  }
}
