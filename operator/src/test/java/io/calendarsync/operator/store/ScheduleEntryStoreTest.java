package io.calendarsync.operator.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.calendarsync.operator.store.Entries.allDay;
import static io.calendarsync.operator.store.Entries.exception;
import static io.calendarsync.operator.store.Entries.key;
import static io.calendarsync.operator.store.Entries.timed;
import static io.calendarsync.operator.store.Entries.weekly;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleEntryStoreTest {

  private static final ChangeOrigin ALICE_GOOGLE = ChangeOrigin.provider(new ProviderKey("acme", "alice-google"));

  private static TestDatabase database;
  private static ScheduleEntryStore entries;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.migrated();
    entries = database.store().entries();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void storesAndReadsBackEveryKindOfEntry() {
    EntryContent visit = timed("Site visit", "2026-03-02T09:00:00Z", "2026-03-02T10:30:00Z", "alice", "bob");
    EntryContent holiday = allDay("Holiday", "2026-03-02", "2026-03-03", "alice");
    EntryContent standup = weekly("Stand-up", "2026-03-02T08:00:00Z", "2026-03-02T08:15:00Z", "alice");
    EntryContent moved = exception("roundtrip-standup", "2026-03-09T08:00:00Z",
        timed("Stand-up", "2026-03-10T08:00:00Z", "2026-03-10T08:15:00Z", "alice"), EntryStatus.TENTATIVE);

    assertRoundTrip("roundtrip-visit", visit);
    assertRoundTrip("roundtrip-holiday", holiday);
    assertRoundTrip("roundtrip-standup", standup);
    assertRoundTrip("roundtrip-moved", moved);
  }

  private static void assertRoundTrip(String entryId, EntryContent content) {
    ScheduleEntry inserted = entries.insert(key(entryId), content, ChangeOrigin.PLATFORM).orElseThrow();

    assertThat(inserted.content()).isEqualTo(content);
    assertThat(inserted.version()).isEqualTo(1);
    assertThat(inserted.deleted()).isFalse();
    assertThat(entries.find(key(entryId))).contains(inserted);
  }

  @Test
  void insertsOnlyWhatDoesNotExist() {
    EntryKey key = key("insert-once");
    entries.insert(key, timed("First", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"), ChangeOrigin.PLATFORM);

    assertThat(entries.insert(key, timed("Second", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"),
        ChangeOrigin.PLATFORM)).isEmpty();
    assertThat(entries.find(key).orElseThrow().content().title()).isEqualTo("First");
  }

  @Test
  void insertsABatchInOneStatementLoggingEachEntryWithItsOriginAndLeavingExistingKeysAlone() {
    entries.insert(key("batch-taken"), timed("Already here", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "dora"),
        ChangeOrigin.PLATFORM);
    List<NewScheduleEntry> batch = List.of(
        new NewScheduleEntry(key("batch-1"), timed("One", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z", "dora")),
        new NewScheduleEntry(key("batch-taken"), timed("Copy", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z", "dora")),
        new NewScheduleEntry(key("batch-2"), allDay("Two", "2026-03-04", "2026-03-05", "dora")));

    List<ScheduleEntry> inserted = entries.insertAll(batch, ALICE_GOOGLE);

    assertThat(inserted).extracting(e -> e.key().entryId()).containsExactlyInAnyOrder("batch-1", "batch-2");
    assertThat(inserted).allSatisfy(e -> assertThat(e.version()).isEqualTo(1));
    assertThat(entries.find(key("batch-2")).orElseThrow().content()).isEqualTo(batch.get(2).content());
    assertThat(entries.find(key("batch-taken")).orElseThrow().content().title()).isEqualTo("Already here");
    assertThat(database.store().changeLog().changesFor(Entries.TENANT, "dora", ChangeLogPosition.START, 10).changes())
        .filteredOn(change -> change.entry().entryId().startsWith("batch-") && change.origin().equals(ALICE_GOOGLE))
        .extracting(change -> change.entry().entryId())
        .containsExactlyInAnyOrder("batch-1", "batch-2");
  }

  @Test
  void updatesOnlyTheVersionThatWasRead() {
    EntryKey key = key("optimistic");
    ScheduleEntry read = entries.insert(key, timed("Draft", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "alice"),
        ChangeOrigin.PLATFORM).orElseThrow();
    // The platform edits the entry after the operator read it.
    database.execute("UPDATE calendar_sync.schedule_entries SET title = 'Edited by the platform'"
        + " WHERE tenant = 'acme' AND entry_id = 'optimistic'");

    EntryContent fromCalendar = timed("Edited in Google", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "alice");
    assertThat(entries.update(key, fromCalendar, read.version(), ALICE_GOOGLE)).isEmpty();
    ScheduleEntry current = entries.find(key).orElseThrow();
    assertThat(current.content().title()).isEqualTo("Edited by the platform");
    assertThat(current.version()).isEqualTo(2);

    ScheduleEntry updated = entries.update(key, fromCalendar, current.version(), ALICE_GOOGLE).orElseThrow();
    assertThat(updated.version()).isEqualTo(3);
    assertThat(updated.content()).isEqualTo(fromCalendar);
    assertThat(updated.updatedAt()).isAfterOrEqualTo(current.updatedAt());
  }

  @Test
  void writingTheSameContentIsNotAChange() {
    EntryKey key = key("unchanged");
    EntryContent content = timed("Same", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "alice");
    ScheduleEntry inserted = entries.insert(key, content, ChangeOrigin.PLATFORM).orElseThrow();

    ScheduleEntry rewritten = entries.update(key, content, 1, ChangeOrigin.PLATFORM).orElseThrow();

    assertThat(rewritten.version()).isEqualTo(1);
    assertThat(rewritten.updatedAt()).isEqualTo(inserted.updatedAt());
  }

  @Test
  void softDeletesOnlyTheVersionThatWasReadAndKeepsTheRow() {
    EntryKey key = key("to-delete");
    entries.insert(key, timed("Gone soon", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"), ChangeOrigin.PLATFORM);

    assertThat(entries.softDelete(key, 7, ChangeOrigin.PLATFORM)).isEmpty();
    ScheduleEntry deleted = entries.softDelete(key, 1, ChangeOrigin.PLATFORM).orElseThrow();

    assertThat(deleted.deleted()).isTrue();
    assertThat(deleted.version()).isEqualTo(2);
    assertThat(entries.find(key)).contains(deleted);
    assertThat(entries.update(key, deleted.content(), 2, ChangeOrigin.PLATFORM)).isEmpty();
  }

  @Test
  void listsWhatAPersonsCalendarNeedsForAWindow() {
    String tenant = "window-tenant";
    Instant from = Instant.parse("2026-04-01T00:00:00Z");
    Instant until = Instant.parse("2026-05-01T00:00:00Z");
    insert(tenant, "inside", timed("Inside", "2026-04-10T09:00:00Z", "2026-04-10T10:00:00Z", "carol"));
    insert(tenant, "overlapping-start", timed("Night shift", "2026-03-31T22:00:00Z", "2026-04-01T06:00:00Z", "carol"));
    insert(tenant, "before", timed("Before", "2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z", "carol"));
    insert(tenant, "after", timed("After", "2026-05-01T00:00:00Z", "2026-05-01T01:00:00Z", "carol"));
    insert(tenant, "someone-else", timed("Not Carol's", "2026-04-10T09:00:00Z", "2026-04-10T10:00:00Z", "dave"));
    // 30 April is a whole day in Berlin that starts before the window ends.
    insert(tenant, "last-day", allDay("Last day", "2026-04-30", "2026-05-01", "carol"));
    // Starts before the window but recurs into it.
    insert(tenant, "series", weekly("Weekly", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z", "carol"));
    // An exception of Carol's series that hands one occurrence to Dave: Carol's calendar must drop it.
    insert(tenant, "handed-over", exception("series", "2026-04-06T08:00:00Z",
        timed("Weekly", "2026-04-06T08:00:00Z", "2026-04-06T09:00:00Z", "dave"), EntryStatus.CONFIRMED));
    EntryKey deleted = new EntryKey(tenant, "deleted");
    entries.insert(deleted, timed("Deleted", "2026-04-10T09:00:00Z", "2026-04-10T10:00:00Z", "carol"),
        ChangeOrigin.PLATFORM);
    entries.softDelete(deleted, 1, ChangeOrigin.PLATFORM);

    List<String> ids = entries.findAssigned(tenant, "carol", from, until).stream()
        .map(entry -> entry.key().entryId()).toList();

    assertThat(ids).containsExactly("handed-over", "inside", "last-day", "overlapping-start", "series");
  }

  private static void insert(String tenant, String entryId, EntryContent content) {
    entries.insert(new EntryKey(tenant, entryId), content, ChangeOrigin.PLATFORM).orElseThrow();
  }
}
