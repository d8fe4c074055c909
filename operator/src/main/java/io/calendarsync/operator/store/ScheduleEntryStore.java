package io.calendarsync.operator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static io.calendarsync.operator.store.JdbcValues.getDate;
import static io.calendarsync.operator.store.JdbcValues.getInstant;
import static io.calendarsync.operator.store.JdbcValues.getTextList;
import static io.calendarsync.operator.store.JdbcValues.setDate;
import static io.calendarsync.operator.store.JdbcValues.setInstant;
import static io.calendarsync.operator.store.JdbcValues.setTextArray;

/**
 * Reads and writes {@code schedule_entries}. Every write names its {@link ChangeOrigin}, which the change log
 * records, and the writes that change an existing entry take the version that was read: they apply only if nobody
 * changed the entry since (optimistic concurrency), and return empty otherwise.
 */
public final class ScheduleEntryStore {

  /** The columns of {@link EntryContent}, in the order {@link #setContent} binds them. */
  private static final List<String> CONTENT_COLUMNS = List.of("title", "description", "location", "starts_at",
      "ends_at", "start_date", "end_date", "time_zone", "recurrence", "series_entry_id", "original_start",
      "original_start_date", "status", "is_private", "assignees");

  private static final String COLUMNS =
      "tenant, entry_id, " + String.join(", ", CONTENT_COLUMNS) + ", version, updated_at, deleted_at";

  private final SqlRunner sql;

  ScheduleEntryStore(SqlRunner sql) {
    this.sql = sql;
  }

  /** The entry, soft-deleted or not. */
  public Optional<ScheduleEntry> find(EntryKey key) {
    return sql.run("read schedule entry " + key, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT " + COLUMNS + " FROM calendar_sync.schedule_entries WHERE tenant = ? AND entry_id = ?")) {
        statement.setString(1, key.tenant());
        statement.setString(2, key.entryId());
        return single(statement);
      }
    });
  }

  /** The live exception of a series for one occurrence (there is at most one), if the platform has one. */
  public Optional<ScheduleEntry> findException(String tenant, RecurrenceOverride occurrence) {
    return sql.run("read the exception of " + tenant + "/" + occurrence.seriesEntryId(), connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
          + " FROM calendar_sync.schedule_entries WHERE tenant = ? AND series_entry_id = ? AND deleted_at IS NULL"
          + " AND (original_start = ? OR original_start_date = ?)")) {
        statement.setString(1, tenant);
        statement.setString(2, occurrence.seriesEntryId());
        setInstant(statement, 3, occurrence.originalStart());
        setDate(statement, 4, occurrence.originalStartDate());
        return single(statement);
      }
    });
  }

  /**
   * The live entries a full sync of {@code userId}'s calendar needs for the window {@code [from, until)}: entries
   * assigned to the user that may occur in it, and every exception of such a series (an exception may unassign the
   * user from one occurrence). A series is returned when it starts before {@code until}, as recurrence rules are
   * expanded by the engine, not here; an exception also when its original start lies in the window.
   */
  public List<ScheduleEntry> findAssigned(String tenant, String userId, Instant from, Instant until) {
    String query = "WITH w AS (SELECT ?::text AS user_id, ?::timestamptz AS window_start, ?::timestamptz AS window_end)"
        + " SELECT " + COLUMNS + " FROM calendar_sync.schedule_entries e, w"
        + " WHERE e.tenant = ? AND e.deleted_at IS NULL AND ("
        + "   (e.assignees @> ARRAY[w.user_id] AND " + mayOccurInWindow("e") + ")"
        + "   OR EXISTS (SELECT 1 FROM calendar_sync.schedule_entries s"
        + "     WHERE s.tenant = e.tenant AND s.entry_id = e.series_entry_id AND s.deleted_at IS NULL"
        + "       AND s.assignees @> ARRAY[w.user_id] AND " + mayOccurInWindow("s") + "))"
        + " ORDER BY e.entry_id";
    return sql.run("list schedule entries of " + tenant + "/" + userId, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(query)) {
        statement.setString(1, userId);
        setInstant(statement, 2, from);
        setInstant(statement, 3, until);
        statement.setString(4, tenant);
        return list(statement);
      }
    });
  }

  /** Inserts a new entry (version 1); empty if an entry with this key exists, deleted or not. */
  public Optional<ScheduleEntry> insert(EntryKey key, EntryContent content, ChangeOrigin origin) {
    return insertAll(List.of(new NewScheduleEntry(key, content)), origin).stream().findFirst();
  }

  /**
   * Inserts new entries (version 1) with one statement, so an import costs a round trip per batch rather than per
   * entry; returns those inserted. Keys that exist already, deleted or not, are left as they are, as {@link #insert}
   * does. Each batch binds {@code entries.size() * 17} parameters: PostgreSQL takes at most 65,535 per statement.
   */
  public List<ScheduleEntry> insertAll(List<NewScheduleEntry> entries, ChangeOrigin origin) {
    if (entries.isEmpty()) {
      return List.of();
    }
    String row = "(?, ?, " + String.join(", ", Collections.nCopies(CONTENT_COLUMNS.size(), "?")) + ")";
    return sql.run("insert " + entries.size() + " schedule entries", connection -> {
      tagOrigin(connection, origin);
      try (PreparedStatement statement = connection.prepareStatement(
          "INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, " + String.join(", ", CONTENT_COLUMNS)
              + ") VALUES " + String.join(", ", Collections.nCopies(entries.size(), row))
              + " ON CONFLICT (tenant, entry_id) DO NOTHING RETURNING " + COLUMNS)) {
        int index = 1;
        for (NewScheduleEntry entry : entries) {
          statement.setString(index, entry.key().tenant());
          statement.setString(index + 1, entry.key().entryId());
          index = setContent(statement, index + 2, entry.content());
        }
        return list(statement);
      }
    });
  }

  /**
   * Replaces the content of a live entry if its version is still {@code expectedVersion}; empty if the entry changed
   * since it was read, was deleted, or does not exist (read it again to tell). Writing the content it already has is
   * not a change: the version stays and nothing is logged.
   */
  public Optional<ScheduleEntry> update(EntryKey key, EntryContent content, long expectedVersion, ChangeOrigin origin) {
    return sql.run("update schedule entry " + key, connection -> {
      tagOrigin(connection, origin);
      try (PreparedStatement statement = connection.prepareStatement(
          "UPDATE calendar_sync.schedule_entries SET " + String.join(" = ?, ", CONTENT_COLUMNS) + " = ?"
              + " WHERE tenant = ? AND entry_id = ? AND version = ? AND deleted_at IS NULL RETURNING " + COLUMNS)) {
        int next = setContent(statement, 1, content);
        statement.setString(next, key.tenant());
        statement.setString(next + 1, key.entryId());
        statement.setLong(next + 2, expectedVersion);
        return single(statement);
      }
    });
  }

  /**
   * Soft-deletes a live entry if its version is still {@code expectedVersion} (a series takes its exceptions with
   * it); empty if it changed since, was already deleted, or does not exist.
   */
  public Optional<ScheduleEntry> softDelete(EntryKey key, long expectedVersion, ChangeOrigin origin) {
    return sql.run("delete schedule entry " + key, connection -> {
      tagOrigin(connection, origin);
      try (PreparedStatement statement = connection.prepareStatement(
          "UPDATE calendar_sync.schedule_entries SET deleted_at = now()"
              + " WHERE tenant = ? AND entry_id = ? AND version = ? AND deleted_at IS NULL RETURNING " + COLUMNS)) {
        statement.setString(1, key.tenant());
        statement.setString(2, key.entryId());
        statement.setLong(3, expectedVersion);
        return single(statement);
      }
    });
  }

  /** The change log trigger reads the origin from this transaction-local setting. */
  private static void tagOrigin(Connection connection, ChangeOrigin origin) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT set_config('calendar_sync.origin', ?, true)")) {
      statement.setString(1, origin.value());
      statement.execute();
    }
  }

  /**
   * True when the entry under {@code alias} may have an occurrence in the window {@code w}: its own time overlaps it,
   * it is a series that starts before the window ends, or it is an exception whose original occurrence started in it.
   * All-day dates count from midnight in the entry's time zone.
   */
  private static String mayOccurInWindow(String alias) {
    String start = "coalesce(%1$s.starts_at, %1$s.start_date::timestamp AT TIME ZONE %1$s.time_zone)";
    String end = "coalesce(%1$s.ends_at, %1$s.end_date::timestamp AT TIME ZONE %1$s.time_zone)";
    String originalStart =
        "coalesce(%1$s.original_start, %1$s.original_start_date::timestamp AT TIME ZONE %1$s.time_zone)";
    return ("((" + start + " < w.window_end AND (" + end + " > w.window_start OR cardinality(%1$s.recurrence) > 0))"
        + " OR (" + originalStart + " >= w.window_start AND " + originalStart + " < w.window_end))").formatted(alias);
  }

  /** Binds {@link #CONTENT_COLUMNS} from {@code index} on; returns the next index. */
  private static int setContent(PreparedStatement statement, int index, EntryContent content) throws SQLException {
    statement.setString(index, content.title());
    statement.setString(index + 1, content.description());
    statement.setString(index + 2, content.location());
    EntryTiming.Timed timed = content.timing() instanceof EntryTiming.Timed t ? t : null;
    EntryTiming.AllDay allDay = content.timing() instanceof EntryTiming.AllDay a ? a : null;
    setInstant(statement, index + 3, timed == null ? null : timed.start());
    setInstant(statement, index + 4, timed == null ? null : timed.end());
    setDate(statement, index + 5, allDay == null ? null : allDay.startDate());
    setDate(statement, index + 6, allDay == null ? null : allDay.endDate());
    statement.setString(index + 7, content.timeZone().getId());
    setTextArray(statement, index + 8, content.recurrence());
    RecurrenceOverride override = content.recurrenceOverride();
    statement.setString(index + 9, override == null ? null : override.seriesEntryId());
    setInstant(statement, index + 10, override == null ? null : override.originalStart());
    setDate(statement, index + 11, override == null ? null : override.originalStartDate());
    statement.setString(index + 12, content.status().databaseValue());
    statement.setBoolean(index + 13, content.privateEntry());
    setTextArray(statement, index + 14, content.assignees());
    return index + CONTENT_COLUMNS.size();
  }

  private static Optional<ScheduleEntry> single(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(read(rows)) : Optional.empty();
    }
  }

  private static List<ScheduleEntry> list(PreparedStatement statement) throws SQLException {
    List<ScheduleEntry> entries = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        entries.add(read(rows));
      }
    }
    return entries;
  }

  private static ScheduleEntry read(ResultSet row) throws SQLException {
    Instant start = getInstant(row, "starts_at");
    EntryTiming timing = start != null
        ? new EntryTiming.Timed(start, getInstant(row, "ends_at"))
        : new EntryTiming.AllDay(getDate(row, "start_date"), getDate(row, "end_date"));
    String seriesEntryId = row.getString("series_entry_id");
    RecurrenceOverride override = seriesEntryId == null ? null
        : new RecurrenceOverride(seriesEntryId, getInstant(row, "original_start"), getDate(row, "original_start_date"));
    EntryContent content = new EntryContent(
        row.getString("title"),
        row.getString("description"),
        row.getString("location"),
        timing,
        ZoneId.of(row.getString("time_zone")),
        getTextList(row, "recurrence"),
        override,
        EntryStatus.fromDatabase(row.getString("status")),
        row.getBoolean("is_private"),
        getTextList(row, "assignees"));
    return new ScheduleEntry(
        new EntryKey(row.getString("tenant"), row.getString("entry_id")),
        content,
        row.getLong("version"),
        getInstant(row, "updated_at"),
        getInstant(row, "deleted_at"));
  }
}
