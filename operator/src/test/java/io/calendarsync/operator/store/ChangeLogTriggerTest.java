package io.calendarsync.operator.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.calendarsync.operator.store.Entries.exception;
import static io.calendarsync.operator.store.Entries.timed;
import static io.calendarsync.operator.store.Entries.weekly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The trigger logs every change of an entry, whoever makes it, with its origin, version and assignees. */
class ChangeLogTriggerTest {

  private static final ProviderKey BOB_OUTLOOK = new ProviderKey("acme", "bob-outlook");

  private static TestDatabase database;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.migrated();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void logsEveryPlatformWriteWithItsVersionAndBothSetsOfAssignees() {
    String tenant = "platform-writes";
    database.execute("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at,"
        + " assignees) VALUES ('platform-writes', 'visit', 'Visit', '2026-03-02 09:00Z', '2026-03-02 10:00Z',"
        + " '{alice}')");
    database.execute("UPDATE calendar_sync.schedule_entries SET assignees = '{bob}'"
        + " WHERE tenant = 'platform-writes' AND entry_id = 'visit'");
    // Rewriting the row as it is is not a change.
    database.execute("UPDATE calendar_sync.schedule_entries SET assignees = '{bob}'"
        + " WHERE tenant = 'platform-writes' AND entry_id = 'visit'");
    database.execute("UPDATE calendar_sync.schedule_entries SET deleted_at = now()"
        + " WHERE tenant = 'platform-writes' AND entry_id = 'visit'");
    database.execute("UPDATE calendar_sync.schedule_entries SET deleted_at = NULL"
        + " WHERE tenant = 'platform-writes' AND entry_id = 'visit'");
    database.execute("DELETE FROM calendar_sync.schedule_entries"
        + " WHERE tenant = 'platform-writes' AND entry_id = 'visit'");

    assertThat(changes(tenant, "alice"))
        .extracting(ScheduleChange::entryVersion, ScheduleChange::kind, ScheduleChange::origin,
            ScheduleChange::oldAssignees, ScheduleChange::newAssignees)
        .containsExactly(
            tuple(1L, ChangeKind.CREATED, ChangeOrigin.PLATFORM, List.of(), List.of("alice")),
            // Alice was unassigned: she still sees the change that takes the entry off her calendar.
            tuple(2L, ChangeKind.UPDATED, ChangeOrigin.PLATFORM, List.of("alice"), List.of("bob")));
    assertThat(changes(tenant, "bob"))
        .extracting(ScheduleChange::entryVersion, ScheduleChange::kind)
        .containsExactly(
            tuple(2L, ChangeKind.UPDATED),
            tuple(3L, ChangeKind.DELETED),
            tuple(4L, ChangeKind.CREATED),
            tuple(5L, ChangeKind.DELETED));
  }

  @Test
  void tagsTheOperatorsWritesWithTheProviderTheyCameFrom() {
    String tenant = "operator-writes";
    ScheduleEntryStore entries = database.store().entries();
    EntryKey key = new EntryKey(tenant, "call");
    entries.insert(key, timed("Call", "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z", "bob"), ChangeOrigin.PLATFORM);
    entries.update(key, timed("Call, moved in Outlook", "2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z", "bob"), 1,
        ChangeOrigin.provider(BOB_OUTLOOK));
    // The setting lasts for its transaction only: the platform's next write on a reused connection is the platform's.
    database.execute("UPDATE calendar_sync.schedule_entries SET title = 'Call, renamed'"
        + " WHERE tenant = 'operator-writes' AND entry_id = 'call'");

    assertThat(changes(tenant, "bob"))
        .extracting(ScheduleChange::entryVersion, ScheduleChange::origin)
        .containsExactly(
            tuple(1L, ChangeOrigin.PLATFORM),
            tuple(2L, ChangeOrigin.provider(BOB_OUTLOOK)),
            tuple(3L, ChangeOrigin.PLATFORM));
    assertThat(changes(tenant, "bob").get(1).origin().isProvider(BOB_OUTLOOK)).isTrue();
  }

  @Test
  void deletingASeriesDeletesItsExceptionsAndLogsEach() {
    String tenant = "series-delete";
    ScheduleEntryStore entries = database.store().entries();
    EntryKey series = new EntryKey(tenant, "standup");
    entries.insert(series, weekly("Stand-up", "2026-03-02T08:00:00Z", "2026-03-02T08:15:00Z", "carol"),
        ChangeOrigin.PLATFORM);
    EntryKey moved = new EntryKey(tenant, "standup-moved");
    entries.insert(moved, exception("standup", "2026-03-09T08:00:00Z",
        timed("Stand-up", "2026-03-10T08:00:00Z", "2026-03-10T08:15:00Z", "carol"), EntryStatus.CONFIRMED),
        ChangeOrigin.PLATFORM);

    entries.softDelete(series, 1, ChangeOrigin.PLATFORM);

    assertThat(entries.find(moved).orElseThrow().deleted()).isTrue();
    assertThat(changes(tenant, "carol"))
        .extracting(change -> change.entry().entryId(), ScheduleChange::kind)
        .containsExactly(
            tuple("standup", ChangeKind.CREATED),
            tuple("standup-moved", ChangeKind.CREATED),
            tuple("standup", ChangeKind.DELETED),
            tuple("standup-moved", ChangeKind.DELETED));
  }

  private static List<ScheduleChange> changes(String tenant, String userId) {
    return database.store().changeLog().changesFor(tenant, userId, ChangeLogPosition.START, 100).changes();
  }
}
