package io.calendarsync.operator.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.calendarsync.operator.store.JdbcValues.getInstant;
import static io.calendarsync.operator.store.JdbcValues.getTextList;

/**
 * Reads the change log past a watermark without ever skipping a change.
 *
 * <p>Sequence numbers are handed out in statement order, not commit order: a transaction can commit seq 7 after
 * another committed seq 8 and a reader moved past 8. So each change also records its transaction id, and a read
 * returns only changes whose transaction id is below the xmin of the read's own snapshot: every transaction below
 * xmin has finished, so nothing can appear there any more, and any transaction still running has an id of at least
 * xmin. Changes come ordered by (transaction id, seq), which is the watermark.
 *
 * <p>The price: a long write transaction holds back every reader until it ends (set
 * {@code idle_in_transaction_session_timeout} on the platform's role). Run reads outside a transaction that has
 * written, whose own id would hold the horizon back.
 */
public final class ChangeLogReader {

  private static final String HORIZON = "pg_snapshot_xmin(pg_current_snapshot())";

  private final SqlRunner sql;

  ChangeLogReader(SqlRunner sql) {
    this.sql = sql;
  }

  /**
   * Up to {@code limit} changes after {@code watermark} to entries of {@code tenant} that {@code userId} had before or
   * has after the change.
   */
  public ChangeBatch changesFor(String tenant, String userId, ChangeLogPosition watermark, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    // One statement, so the horizon and the rows come from the same snapshot: a horizon taken later could pass a
    // change that committed in between.
    String query = "WITH horizon AS (SELECT " + HORIZON + " AS xmin)"
        + " SELECT horizon.xmin::text AS horizon, c.*"
        + " FROM horizon LEFT JOIN LATERAL ("
        + "   SELECT ch.tx_id, ch.tx_id::text AS tx_id_text, ch.seq, ch.tenant, ch.entry_id, ch.entry_version,"
        + "          ch.change_kind, ch.origin, ch.old_assignees, ch.new_assignees, ch.changed_at"
        + "   FROM calendar_sync.schedule_entry_changes ch"
        + "   WHERE ch.tenant = ? AND (ch.tx_id, ch.seq) > (?::xid8, ?) AND ch.tx_id < horizon.xmin"
        + "     AND (? = ANY (ch.new_assignees) OR ? = ANY (ch.old_assignees))"
        + "   ORDER BY ch.tx_id, ch.seq"
        + "   LIMIT ?) c ON true"
        + " ORDER BY c.tx_id, c.seq";
    return sql.run("read the change log of " + tenant + "/" + userId, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(query)) {
        statement.setString(1, tenant);
        statement.setString(2, Long.toString(watermark.transactionId()));
        statement.setLong(3, watermark.sequence());
        statement.setString(4, userId);
        statement.setString(5, userId);
        statement.setInt(6, limit);
        List<ScheduleChange> changes = new ArrayList<>();
        long horizon = 0;
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            horizon = Long.parseLong(rows.getString("horizon"));
            if (rows.getString("tx_id_text") != null) {
              changes.add(read(rows));
            }
          }
        }
        return batch(changes, watermark, horizon, limit);
      }
    });
  }

  /**
   * The position below which every change has committed or never will. A full sync takes it before reading the
   * entries and stores it as its watermark: whatever committed before is in what it read, whatever commits later is
   * read from the log after it.
   */
  public ChangeLogPosition horizon() {
    return sql.run("read the change log horizon", connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + HORIZON + "::text");
           ResultSet rows = statement.executeQuery()) {
        rows.next();
        return new ChangeLogPosition(Long.parseLong(rows.getString(1)), 0);
      }
    });
  }

  private static ChangeBatch batch(List<ScheduleChange> changes, ChangeLogPosition from, long horizon, int limit) {
    if (changes.size() == limit) {
      return new ChangeBatch(changes, changes.get(changes.size() - 1).position(), true);
    }
    // Every change below the horizon has been seen, including those for other people: move past them all.
    ChangeLogPosition atHorizon = new ChangeLogPosition(horizon, 0);
    return new ChangeBatch(changes, atHorizon.compareTo(from) > 0 ? atHorizon : from, false);
  }

  private static ScheduleChange read(ResultSet row) throws SQLException {
    return new ScheduleChange(
        new ChangeLogPosition(Long.parseLong(row.getString("tx_id_text")), row.getLong("seq")),
        new EntryKey(row.getString("tenant"), row.getString("entry_id")),
        row.getLong("entry_version"),
        ChangeKind.fromDatabase(row.getString("change_kind")),
        new ChangeOrigin(row.getString("origin")),
        getTextList(row, "old_assignees"),
        getTextList(row, "new_assignees"),
        getInstant(row, "changed_at"));
  }
}
