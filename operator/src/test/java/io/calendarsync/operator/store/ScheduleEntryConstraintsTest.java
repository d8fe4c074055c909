package io.calendarsync.operator.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static io.calendarsync.operator.store.Entries.key;
import static io.calendarsync.operator.store.Entries.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the database refuses from a platform that writes the table directly, and how it says so. */
class ScheduleEntryConstraintsTest {

  private static TestDatabase database;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.migrated();
    database.execute("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, starts_at, ends_at, recurrence)"
        + " VALUES ('acme', 'series', '2026-03-02 09:00Z', '2026-03-02 10:00Z', '{RRULE:FREQ=WEEKLY}'),"
        + "        ('acme', 'single', '2026-03-02 09:00Z', '2026-03-02 10:00Z', '{}')");
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      end before start | starts_at, ends_at | '2026-03-02 10:00Z', '2026-03-02 09:00Z' | schedule_entries_ends_after_start
      zero length | starts_at, ends_at | '2026-03-02 10:00Z', '2026-03-02 10:00Z' | schedule_entries_ends_after_start
      all-day end not after start | start_date, end_date | '2026-03-02', '2026-03-02' | schedule_entries_end_date_after_start_date
      timed and all-day | starts_at, ends_at, start_date, end_date | '2026-03-02 09:00Z', '2026-03-02 10:00Z', '2026-03-02', '2026-03-03' | schedule_entries_timed_or_all_day
      no time at all | title | 'Floating' | schedule_entries_timed_or_all_day
      start without end | starts_at | '2026-03-02 09:00Z' | schedule_entries_timed_or_all_day
      unknown status | start_date, end_date, status | '2026-03-02', '2026-03-03', 'maybe' | schedule_entries_status
      abbreviated zone | start_date, end_date, time_zone | '2026-03-02', '2026-03-03', 'CET' | schedule_entries_time_zone_name
      unknown zone | start_date, end_date, time_zone | '2026-03-02', '2026-03-03', 'Mars/Olympus_Mons' | time zone "Mars/Olympus_Mons" not recognized
      not an RFC 5545 line | start_date, end_date, recurrence | '2026-03-02', '2026-03-03', '{every monday}' | schedule_entries_recurrence_lines
      exception without original start | start_date, end_date, series_entry_id | '2026-03-02', '2026-03-03', 'series' | schedule_entries_exception_names_occurrence
      exception with a rule | start_date, end_date, series_entry_id, original_start_date, recurrence | '2026-03-02', '2026-03-03', 'series', '2026-03-02', '{RRULE:FREQ=DAILY}' | schedule_entries_exception_not_recurring
      exception of a single entry | start_date, end_date, series_entry_id, original_start_date | '2026-03-02', '2026-03-03', 'single', '2026-03-02' | which has no recurrence
      exception of nothing | start_date, end_date, series_entry_id, original_start_date | '2026-03-02', '2026-03-03', 'nothing', '2026-03-02' | schedule_entries_series_fkey
      null assignee | start_date, end_date, assignees | '2026-03-02', '2026-03-03', '{alice,NULL}' | schedule_entries_assignees_not_null
      blank id | entry_id, start_date, end_date | ' ', '2026-03-02', '2026-03-03' | schedule_entries_ids_not_blank
      """)
  void rejectsARowThatCannotBeAnEntry(String what, String columns, String values, String error) {
    boolean namesItsId = columns.startsWith("entry_id");
    String sql = "INSERT INTO calendar_sync.schedule_entries (tenant, " + (namesItsId ? "" : "entry_id, ") + columns
        + ") VALUES ('acme', " + (namesItsId ? "" : "'bad-" + what.replace(' ', '-') + "', ") + values + ")";

    assertThatThrownBy(() -> executeOrThrow(sql)).isInstanceOf(SQLException.class).hasMessageContaining(error);
  }

  @Test
  void refusesASecondExceptionForTheSameOccurrence() throws SQLException {
    String exception = "INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, starts_at, ends_at,"
        + " series_entry_id, original_start) VALUES ('acme', '%s', '2026-03-10 09:00Z', '2026-03-10 10:00Z',"
        + " 'series', '2026-03-09 09:00Z')";
    executeOrThrow(exception.formatted("moved-once"));

    assertThatThrownBy(() -> executeOrThrow(exception.formatted("moved-twice")))
        .hasMessageContaining("schedule_entries_timed_occurrence_key");
  }

  @Test
  void refusesToChangeAnEntrysIdentity() {
    assertThatThrownBy(() -> executeOrThrow("UPDATE calendar_sync.schedule_entries SET entry_id = 'renamed'"
        + " WHERE tenant = 'acme' AND entry_id = 'single'"))
        .hasMessageContaining("cannot change its tenant or entry_id");
  }

  @Test
  void ignoresAVersionOrTimestampTheWriterMadeUp() throws SQLException {
    executeOrThrow("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, start_date, end_date, version,"
        + " updated_at) VALUES ('acme', 'made-up', '2026-03-02', '2026-03-03', 42, '2000-01-01Z')");
    executeOrThrow("UPDATE calendar_sync.schedule_entries SET title = 'Renamed', version = 1000"
        + " WHERE tenant = 'acme' AND entry_id = 'made-up'");

    ScheduleEntry entry = database.store().entries().find(key("made-up")).orElseThrow();
    assertThat(entry.version()).isEqualTo(2);
    assertThat(entry.updatedAt()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void reportsARefusedWriteAsRejected() {
    EntryContent unknownZone = new EntryContent("Call", null, null, timed("x", "2026-03-02T09:00:00Z",
        "2026-03-02T10:00:00Z").timing(), ZoneId.of("GMT"), List.of(), null, EntryStatus.CONFIRMED, false, List.of());

    assertThatThrownBy(() -> database.store().entries().insert(key("gmt"), unknownZone, ChangeOrigin.PLATFORM))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.REJECTED))
        .hasMessageContaining("schedule_entries_time_zone_name");
  }

  private static void executeOrThrow(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
