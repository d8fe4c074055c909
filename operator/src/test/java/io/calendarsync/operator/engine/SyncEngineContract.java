package io.calendarsync.operator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.http.Fault;
import io.calendarsync.api.v1alpha1.ConflictPolicy;
import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.api.v1alpha1.SyncDirection;
import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.store.EntryTiming;
import io.calendarsync.operator.store.MappingStatus;
import io.calendarsync.operator.store.ScheduleEntry;
import io.calendarsync.operator.sync.SyncFailure;
import io.calendarsync.operator.sync.SyncFailureReason;
import io.calendarsync.operator.sync.SyncResult;
import io.calendarsync.operator.sync.SyncTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarantees of DESIGN §6, proven for each vendor: real schedule store, real adapter and client library, the
 * vendor's emulator. A subclass names the vendor and adds what only that vendor has.
 */
abstract class SyncEngineContract {

  protected static final Instant JANUARY = Instant.parse("2026-01-01T00:00:00Z");
  protected static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");

  protected EngineFixture fx;

  abstract VendorHarness newVendor();

  @BeforeEach
  void start() {
    fx = new EngineFixture(newVendor());
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private String eventId(ObjectNode event) {
    return event.path("id").asText();
  }

  @Test
  void aPlatformEntryAppearsInTheCalendarStampedAsOursAndAnEchoCausesNoFurtherWrites() throws Exception {
    fx.platformInserts("visit-1", "On-site visit", "2026-01-12T09:00:00Z", "2026-01-12T10:30:00Z");
    SyncTarget target = fx.bidirectional();

    SyncResult first = fx.sync(target);

    ObjectNode event = fx.onlyEvent();
    assertThat(fx.vendor.title(event)).isEqualTo("On-site visit");
    assertThat(fx.vendor.start(event)).isEqualTo(Instant.parse("2026-01-12T09:00:00Z"));
    assertThat(fx.vendor.ownerTag(event)).isEqualTo("acme/visit-1");
    assertThat(first.counts().getCreatedExternal()).isEqualTo(1);

    long writes = fx.vendor.writes();
    long changes = fx.changeLogSize();
    SyncResult second = fx.sync(target);
    SyncResult third = fx.sync(target);

    assertThat(fx.vendor.writes()).as("our own write coming back is recognised").isEqualTo(writes);
    assertThat(fx.changeLogSize()).as("and the platform is not written either").isEqualTo(changes);
    assertThat(second.changedAnything()).isFalse();
    assertThat(third.changedAnything()).isFalse();
  }

  @Test
  void aCalendarEditReachesThePlatformTaggedWithTheProviderAndIsNotPushedBack() throws Exception {
    fx.platformInserts("visit-2", "Before", "2026-01-13T09:00:00Z", "2026-01-13T10:00:00Z");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    long versionBefore = fx.entry("visit-2").version();

    fx.vendor.editTitle(eventId(fx.onlyEvent()), "Moved by Alice");
    long writes = fx.vendor.writes();
    SyncResult result = fx.sync(target);

    assertThat(fx.entry("visit-2").content().title()).isEqualTo("Moved by Alice");
    assertThat(fx.entry("visit-2").version()).isEqualTo(versionBefore + 1);
    assertThat(result.counts().getUpdatedInternal()).isEqualTo(1);
    fx.sync(target);
    assertThat(fx.vendor.writes()).as("the change came from this calendar: nothing is written back").isEqualTo(writes);
  }

  @Test
  void anEventCreatedInTheCalendarIsImportedForTheUser() throws Exception {
    fx.vendor.createAllDay("Dentist", LocalDate.parse("2026-01-20"), LocalDate.parse("2026-01-21"));

    SyncResult result = fx.sync(fx.bidirectional());

    assertThat(result.counts().getCreatedInternal()).isEqualTo(1);
    var imported = fx.database.store().entries().findAssigned(EngineFixture.TENANT, EngineFixture.USER_ID,
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(imported).singleElement().satisfies(e -> {
      assertThat(e.content().title()).isEqualTo("Dentist");
      assertThat(e.content().timing())
          .isEqualTo(new EntryTiming.AllDay(LocalDate.parse("2026-01-20"), LocalDate.parse("2026-01-21")));
      assertThat(e.content().assignees()).containsExactly(EngineFixture.USER_ID);
    });
  }

  @Test
  void anAllDayEntryKeepsItsLengthThroughRoundTrips() throws Exception {
    fx.platformSql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, start_date, end_date, time_zone,"
        + " assignees) VALUES ('acme', 'offsite', 'Offsite', '2026-02-02', '2026-02-04', 'Europe/Berlin', '{alice}')");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    assertThat(fx.vendor.allDayDates(fx.onlyEvent()))
        .containsExactly(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-04"));

    fx.vendor.editTitle(eventId(fx.onlyEvent()), "Offsite (Lisbon)");
    fx.sync(target);
    fx.platformSql("UPDATE calendar_sync.schedule_entries SET title = 'Offsite (Porto)' WHERE entry_id = 'offsite'");
    fx.sync(target);
    fx.sync(target);

    assertThat(fx.entry("offsite").content().timing())
        .isEqualTo(new EntryTiming.AllDay(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-04")));
    assertThat(fx.vendor.allDayDates(fx.onlyEvent()))
        .containsExactly(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-04"));
    assertThat(fx.vendor.title(fx.onlyEvent())).isEqualTo("Offsite (Porto)");
  }

  @Test
  void deletionsTravelBothWays() throws Exception {
    fx.platformInserts("a", "A", "2026-01-14T09:00:00Z", "2026-01-14T10:00:00Z");
    fx.platformInserts("b", "B", "2026-01-15T09:00:00Z", "2026-01-15T10:00:00Z");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    assertThat(fx.vendor.events()).hasSize(2);

    fx.platformSql("UPDATE calendar_sync.schedule_entries SET deleted_at = now() WHERE entry_id = 'a'");
    fx.vendor.delete(eventId(fx.eventTitled("B")));
    SyncResult result = fx.sync(target);

    assertThat(fx.vendor.events()).isEmpty();
    assertThat(fx.entry("b").deleted()).isTrue();
    assertThat(result.counts().getDeletedExternal()).isEqualTo(1);
    assertThat(result.counts().getDeletedInternal()).isEqualTo(1);
  }

  @Test
  void unassigningTheUserRemovesTheEventButKeepsTheEntry() throws Exception {
    fx.platformInserts("handover", "Ticket 42", "2026-01-16T09:00:00Z", "2026-01-16T10:00:00Z");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    assertThat(fx.vendor.events()).hasSize(1);

    fx.platformSql("UPDATE calendar_sync.schedule_entries SET assignees = '{bob}' WHERE entry_id = 'handover'");
    fx.sync(target);

    assertThat(fx.vendor.events()).isEmpty();
    assertThat(fx.entry("handover").deleted()).isFalse();
    assertThat(fx.entry("handover").content().assignees()).containsExactly("bob");
  }

  @Test
  void manualPolicyChangesNeitherSideAndSurfacesTheConflictUntilAPersonDecides() throws Exception {
    fx.platformInserts("clash", "Original", "2026-01-19T09:00:00Z", "2026-01-19T10:00:00Z");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);

    fx.platformSql("UPDATE calendar_sync.schedule_entries SET title = 'Platform title' WHERE entry_id = 'clash'");
    fx.vendor.editTitle(eventId(fx.onlyEvent()), "Calendar title");
    long writes = fx.vendor.writes();
    SyncResult result = fx.sync(target);
    fx.sync(target);

    assertThat(fx.entry("clash").content().title()).isEqualTo("Platform title");
    assertThat(fx.vendor.title(fx.onlyEvent())).isEqualTo("Calendar title");
    assertThat(fx.vendor.writes()).isEqualTo(writes);
    assertThat(result.openConflicts()).isEqualTo(1);
    assertThat(fx.conflicts).singleElement().satisfies(c -> {
      assertThat(c.entry().entryId()).isEqualTo("clash");
      assertThat(c.internal().orElseThrow().content().title()).isEqualTo("Platform title");
      assertThat(c.external().orElseThrow().content().title()).isEqualTo("Calendar title");
    });

    fx.engine.resolve(target, "clash", ConflictResolution.KeepExternal);

    assertThat(fx.entry("clash").content().title()).isEqualTo("Calendar title");
    assertThat(fx.mappings(target)).singleElement()
        .satisfies(m -> assertThat(m.status()).isEqualTo(MappingStatus.SYNCED));
    assertThat(fx.sync(target).openConflicts()).isZero();
  }

  @Test
  void preferInternalOverwritesTheCalendarAndPreferExternalTheSchedule() throws Exception {
    fx.platformInserts("p1", "One", "2026-01-21T09:00:00Z", "2026-01-21T10:00:00Z");
    SyncTarget internal = fx.target(SyncDirection.Bidirectional, ConflictPolicy.PreferInternal);
    fx.sync(internal);
    String eventId = eventId(fx.onlyEvent());
    fx.platformSql("UPDATE calendar_sync.schedule_entries SET title = 'Platform wins' WHERE entry_id = 'p1'");
    fx.vendor.editTitle(eventId, "Calendar loses");

    fx.sync(internal);
    assertThat(fx.vendor.title(fx.onlyEvent())).isEqualTo("Platform wins");
    assertThat(fx.autoResolved).containsExactly("p1 KeepInternal");

    SyncTarget external = fx.target(SyncDirection.Bidirectional, ConflictPolicy.PreferExternal);
    fx.platformSql("UPDATE calendar_sync.schedule_entries SET title = 'Platform loses' WHERE entry_id = 'p1'");
    fx.vendor.editTitle(eventId, "Calendar wins");
    fx.sync(external);
    assertThat(fx.entry("p1").content().title()).isEqualTo("Calendar wins");
    assertThat(fx.conflicts).isEmpty();
  }

  @Test
  void newestWinsKeepsTheSideChangedLast() throws Exception {
    fx.platformInserts("n1", "Start", "2026-01-22T09:00:00Z", "2026-01-22T10:00:00Z");
    SyncTarget target = fx.target(SyncDirection.Bidirectional, ConflictPolicy.NewestWins);
    fx.sync(target);
    fx.vendor.editTitle(eventId(fx.onlyEvent()), "Calendar, earlier");
    // The database's clock is the wall clock; the emulator's stands in January, so the platform edit is the newer.
    fx.platformSql("UPDATE calendar_sync.schedule_entries SET title = 'Platform, later' WHERE entry_id = 'n1'");

    fx.sync(target);

    assertThat(fx.vendor.title(fx.onlyEvent())).isEqualTo("Platform, later");
    assertThat(fx.autoResolved).containsExactly("n1 KeepInternal");
  }

  @Test
  void toExternalNeverWritesThePlatformAndFromExternalNeverWritesTheCalendar() throws Exception {
    fx.platformInserts("out", "Outbound only", "2026-01-22T09:00:00Z", "2026-01-22T10:00:00Z");
    SyncTarget toExternal = fx.target(SyncDirection.ToExternal, ConflictPolicy.Manual);
    fx.sync(toExternal);
    fx.vendor.createAllDay("Private errand", LocalDate.parse("2026-01-23"), LocalDate.parse("2026-01-24"));
    fx.vendor.editTitle(eventId(fx.eventTitled("Outbound only")), "Edited in the calendar");
    long changes = fx.changeLogSize();
    fx.sync(toExternal);
    assertThat(fx.changeLogSize()).isEqualTo(changes);
    assertThat(fx.entry("out").content().title()).isEqualTo("Outbound only");

    try (EngineFixture other = new EngineFixture(newVendor())) {
      other.platformInserts("in", "Never exported", "2026-01-22T09:00:00Z", "2026-01-22T10:00:00Z");
      other.vendor.createAllDay("Imported", LocalDate.parse("2026-01-23"), LocalDate.parse("2026-01-24"));
      other.sync(other.target(SyncDirection.FromExternal, ConflictPolicy.Manual));
      assertThat(other.vendor.events()).extracting(other.vendor::title).containsExactly("Imported");
      assertThat(other.vendor.writes()).isZero();
    }
  }

  @Test
  void aCrashBetweenTheVendorWriteAndTheCommitCreatesNoDuplicate() throws Exception {
    fx.platformInserts("crash", "Written once", "2026-01-26T09:00:00Z", "2026-01-26T10:00:00Z");
    SyncTarget target = fx.bidirectional();
    // The vendor accepts the create, then the process dies before the mapping commits: simulated by removing what
    // that sync committed (mapping and sync state), which is exactly what an uncommitted sync leaves behind.
    fx.sync(target);
    fx.platformSql("DELETE FROM calendar_sync.event_mappings");
    fx.platformSql("DELETE FROM calendar_sync.provider_sync_state");

    fx.sync(target);
    fx.sync(target);

    assertThat(fx.vendor.events()).hasSize(1);
    assertThat(fx.mappings(target)).hasSize(1);
  }

  @Test
  void anExpiredSyncTokenLeadsToAFullResyncWithoutDuplicates() throws Exception {
    fx.platformInserts("t1", "Kept", "2026-01-27T09:00:00Z", "2026-01-27T10:00:00Z");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    fx.vendor.editTitle(eventId(fx.onlyEvent()), "Edited while the token expired");
    fx.vendor.expireSyncState();

    fx.sync(target);

    assertThat(fx.vendor.events()).hasSize(1);
    assertThat(fx.entry("t1").content().title()).isEqualTo("Edited while the token expired");
    assertThat(fx.database.store().entries().findAssigned(EngineFixture.TENANT, EngineFixture.USER_ID,
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"))).hasSize(1);
  }

  @Test
  void aProviderReCreatedUnderTheSameNameAdoptsItsEventsInsteadOfCopyingThem() throws Exception {
    fx.platformInserts("r1", "Stays single", "2026-01-28T09:00:00Z", "2026-01-28T10:00:00Z");
    SyncTarget first = fx.bidirectional();
    fx.sync(first);
    fx.engine.release(first);

    SyncResult result = fx.sync(fx.bidirectional());

    assertThat(fx.vendor.events()).hasSize(1);
    assertThat(result.counts().getCreatedExternal()).isZero();
    assertThat(result.counts().getCreatedInternal()).isZero();
  }

  @Test
  void statusAndPrivacyTravelWithTheEntry() throws Exception {
    fx.platformSql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at, time_zone,"
        + " status, is_private, assignees) VALUES ('acme', 'maybe', 'Maybe', '2026-01-29T09:00:00Z',"
        + " '2026-01-29T10:00:00Z', 'UTC', 'tentative', true, '{alice}')");
    fx.sync(fx.bidirectional());
    assertThat(fx.vendor.tentative(fx.onlyEvent())).isTrue();
    assertThat(fx.vendor.isPrivate(fx.onlyEvent())).isTrue();
    assertThat(fx.entry("maybe").content().status()).isEqualTo(EntryStatus.TENTATIVE);
  }

  @Test
  void aWeeklySeriesStaysASeriesBothWays() throws Exception {
    fx.platformSql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at, time_zone,"
        + " recurrence, assignees) VALUES ('acme', 'standup', 'Stand-up', '2026-01-12T08:00:00Z',"
        + " '2026-01-12T08:15:00Z', 'Europe/Berlin', '{\"RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10\"}', '{alice}')");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    assertThat(fx.vendor.events()).hasSize(1);

    fx.vendor.editTitle(eventId(fx.onlyEvent()), "Stand-up (renamed)");
    fx.sync(target);

    assertThat(fx.entry("standup").content().title()).isEqualTo("Stand-up (renamed)");
    assertThat(fx.entry("standup").content().recurrence()).singleElement().asString()
        .startsWith("RRULE:FREQ=WEEKLY").contains("BYDAY=MO,WE").contains("COUNT=10");
    assertThat(fx.entry("standup").content().timing())
        .isEqualTo(new EntryTiming.Timed(Instant.parse("2026-01-12T08:00:00Z"), Instant.parse("2026-01-12T08:15:00Z")));
  }

  @Test
  void anEntryTheVendorRefusesIsMarkedErrorWithItsMessageWhileTheOthersSync() throws Exception {
    fx.platformSql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at, time_zone,"
        + " recurrence, assignees) VALUES ('acme', 'odd-series', 'Odd', '2026-01-30T09:00:00Z', '2026-01-30T10:00:00Z',"
        + " 'UTC', '{\"" + ruleTheVendorRefuses() + "\"}', '{alice}')");
    fx.platformInserts("fine", "Fine", "2026-01-30T11:00:00Z", "2026-01-30T12:00:00Z");
    SyncTarget target = fx.bidirectional();

    SyncResult result = fx.sync(target);

    assertThat(result.counts().getErrors()).isEqualTo(1);
    assertThat(fx.vendor.title(fx.onlyEvent())).isEqualTo("Fine");
    assertThat(fx.mappings(target)).filteredOn(m -> m.entry().entryId().equals("odd-series")).singleElement()
        .satisfies(m -> {
          assertThat(m.status()).isEqualTo(MappingStatus.ERROR);
          assertThat(m.errorMessage()).isNotBlank();
        });

    long writes = fx.vendor.writes();
    fx.sync(target);
    assertThat(fx.vendor.writes()).as("a refused entry is not retried until it changes").isEqualTo(writes);

    fx.platformSql("UPDATE calendar_sync.schedule_entries SET recurrence = '{\"RRULE:FREQ=WEEKLY;COUNT=3\"}'"
        + " WHERE entry_id = 'odd-series'");
    fx.sync(target);
    assertThat(fx.vendor.events()).hasSize(2);
  }

  @Test
  void aRateLimitStormConvergesWithNothingLostAndNoDuplicates() throws Exception {
    for (int i = 1; i <= 5; i++) {
      fx.platformInserts("storm-" + i, "Visit " + i, "2026-01-1" + i + "T09:00:00Z", "2026-01-1" + i + "T10:00:00Z");
    }
    fx.vendor.createAllDay("Day off", LocalDate.parse("2026-01-20"), LocalDate.parse("2026-01-21"));
    fx.vendor.createAllDay("Training", LocalDate.parse("2026-01-22"), LocalDate.parse("2026-01-23"));
    String api = ".*/(calendar/v3|v1\\.0)/.*";
    // Longer than one request's retries, then throttled creates in the middle of the sync that follows.
    fx.vendor.faults().add(Fault.status(429).retryAfter(2).on("*", api).times(10));
    fx.vendor.faults().add(Fault.status(429).retryAfter(1).on("POST", api).times(3));
    SyncTarget target = fx.bidirectional();

    List<SyncFailureReason> failures = new ArrayList<>();
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        fx.sync(target);
        break;
      } catch (SyncFailure failure) {
        failures.add(failure.reason());
      }
    }

    assertThat(failures).as("the storm outlasted one request's retries").isNotEmpty()
        .containsOnly(SyncFailureReason.RateLimited);
    assertThat(fx.vendor.faults().pending()).isEmpty();
    List<String> everything = List.of("Visit 1", "Visit 2", "Visit 3", "Visit 4", "Visit 5", "Day off", "Training");
    assertThat(fx.vendor.events()).extracting(fx.vendor::title).containsExactlyInAnyOrderElementsOf(everything);
    assertThat(fx.database.store().entries().findAssigned(EngineFixture.TENANT, EngineFixture.USER_ID,
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")))
        .extracting(e -> e.content().title()).containsExactlyInAnyOrderElementsOf(everything);
    assertThat(fx.mappings(target)).hasSize(everything.size())
        .allSatisfy(m -> assertThat(m.status()).isEqualTo(MappingStatus.SYNCED));
    long writes = fx.vendor.writes();
    assertThat(fx.sync(target).changedAnything()).isFalse();
    assertThat(fx.vendor.writes()).isEqualTo(writes);
  }

  /**
   * A weekly series with a moved and a cancelled occurrence reaches the calendar as a series with those exceptions;
   * an occurrence the user moves in the calendar comes back to the platform as an exception of the series, and none of
   * it is written back.
   */
  @Test
  void movedAndCancelledOccurrencesOfASeriesTravelBothWays() throws Exception {
    SyncTarget target = weeklySeriesWithAMovedAndACancelledOccurrence();

    fx.sync(target);

    assertThat(fx.vendor.occurrences(JANUARY, MARCH)).extracting(fx.vendor::start).containsExactly(
        Instant.parse("2026-01-12T08:00:00Z"), Instant.parse("2026-01-19T13:00:00Z"),
        Instant.parse("2026-02-02T08:00:00Z"), Instant.parse("2026-02-09T08:00:00Z"));
    assertThat(fx.vendor.title(fx.vendor.occurrences(JANUARY, MARCH).get(1))).isEqualTo("Weekly (afternoon)");

    fx.vendor.moveOccurrence(fx.vendor.occurrences(JANUARY, MARCH).get(2), Instant.parse("2026-02-02T15:00:00Z"),
        Instant.parse("2026-02-02T15:30:00Z"));
    fx.sync(target);

    assertThat(exceptionOf("2026-02-02T08:00:00Z")).satisfies(moved -> {
      assertThat(moved.content().status()).isEqualTo(EntryStatus.CONFIRMED);
      assertThat(moved.content().timing()).isEqualTo(new EntryTiming.Timed(Instant.parse("2026-02-02T15:00:00Z"),
          Instant.parse("2026-02-02T15:30:00Z")));
    });
    assertThat(exceptionOf("2026-01-19T08:00:00Z").key().entryId()).isEqualTo("weekly-moved");
    assertThat(exceptionOf("2026-01-26T08:00:00Z").key().entryId()).isEqualTo("weekly-off");
    long writes = fx.vendor.writes();
    fx.sync(target);
    assertThat(fx.vendor.writes()).as("the calendar's own change is not written back").isEqualTo(writes);
    assertThat(fx.vendor.occurrences(JANUARY, MARCH)).extracting(fx.vendor::start).containsExactly(
        Instant.parse("2026-01-12T08:00:00Z"), Instant.parse("2026-01-19T13:00:00Z"),
        Instant.parse("2026-02-02T15:00:00Z"), Instant.parse("2026-02-09T08:00:00Z"));
  }

  /**
   * An occurrence the user deletes in the calendar becomes a cancelled exception of the series on the platform (Google
   * reports a cancelled instance, Graph only a removed id); the occurrence the platform cancelled itself comes back
   * unchanged, so the platform gets that one change and the calendar nothing.
   */
  @Test
  void anOccurrenceTheUserDeletesBecomesACancelledExceptionOnThePlatform() throws Exception {
    SyncTarget target = weeklySeriesWithAMovedAndACancelledOccurrence();
    fx.sync(target);
    long changes = fx.changeLogSize();
    long writes = fx.vendor.writes();

    fx.vendor.delete(fx.vendor.occurrences(JANUARY, MARCH).get(3).path("id").asText());
    SyncResult result = fx.sync(target);

    assertThat(exceptionOf("2026-02-09T08:00:00Z").content().status()).isEqualTo(EntryStatus.CANCELLED);
    assertThat(result.counts().getCreatedInternal()).isEqualTo(1);
    assertThat(fx.changeLogSize()).as("the new exception is the platform's only change").isEqualTo(changes + 1);
    assertThat(fx.entry("weekly-off").version()).as("our own cancellation is not written again").isEqualTo(1);
    fx.sync(target);
    assertThat(fx.vendor.writes()).as("nothing goes back to the calendar").isEqualTo(writes);
    assertThat(fx.changeLogSize()).isEqualTo(changes + 1);
  }

  @Test
  void aSeriesTheUserDeletesIsDeletedOnThePlatformWithItsExceptions() throws Exception {
    SyncTarget target = weeklySeriesWithAMovedAndACancelledOccurrence();
    fx.sync(target);

    fx.vendor.delete(fx.vendor.events().stream().filter(e -> fx.vendor.title(e).equals("Weekly")
        && e.path("seriesMasterId").isMissingNode() && e.path("recurringEventId").isMissingNode())
        .findFirst().orElseThrow().path("id").asText());
    fx.sync(target);

    assertThat(fx.entry("weekly").deleted()).isTrue();
    assertThat(fx.entry("weekly-moved").deleted()).isTrue();
  }

  /** An occurrence the series' own EXDATE line removes is cancelled on the platform already: it stays a line. */
  @Test
  void anOccurrenceTheSeriesExcludesIsNotCancelledAgainWhenTheUserDeletesAnother() throws Exception {
    fx.platformSql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at, time_zone,"
        + " recurrence, assignees) VALUES ('acme', 'weekly', 'Weekly', '2026-01-12T08:00:00Z', '2026-01-12T08:30:00Z',"
        + " 'Europe/Berlin', '{\"RRULE:FREQ=WEEKLY;COUNT=5\",\"EXDATE;TZID=Europe/Berlin:20260126T090000\"}',"
        + " '{alice}')");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    assertThat(fx.vendor.occurrences(JANUARY, MARCH)).extracting(fx.vendor::start).containsExactly(
        Instant.parse("2026-01-12T08:00:00Z"), Instant.parse("2026-01-19T08:00:00Z"),
        Instant.parse("2026-02-02T08:00:00Z"), Instant.parse("2026-02-09T08:00:00Z"));

    fx.vendor.delete(fx.vendor.occurrences(JANUARY, MARCH).get(1).path("id").asText());
    fx.sync(target);

    assertThat(exceptionOf("2026-01-19T08:00:00Z").content().status()).isEqualTo(EntryStatus.CANCELLED);
    assertThat(fx.database.store().entries().findAssigned(EngineFixture.TENANT, EngineFixture.USER_ID, JANUARY, MARCH))
        .as("the series and the one new exception").hasSize(2);
  }

  /** Weekly on Mondays 09:00 Berlin, five times from 12 January; the 19th moved to 14:00, the 26th cancelled. */
  protected SyncTarget weeklySeriesWithAMovedAndACancelledOccurrence() {
    fx.platformSql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at, time_zone,"
        + " recurrence, assignees) VALUES ('acme', 'weekly', 'Weekly', '2026-01-12T08:00:00Z', '2026-01-12T08:30:00Z',"
        + " 'Europe/Berlin', '{\"RRULE:FREQ=WEEKLY;COUNT=5\"}', '{alice}')");
    fx.platformSql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at, time_zone,"
        + " series_entry_id, original_start, assignees) VALUES ('acme', 'weekly-moved', 'Weekly (afternoon)',"
        + " '2026-01-19T13:00:00Z', '2026-01-19T13:30:00Z', 'Europe/Berlin', 'weekly', '2026-01-19T08:00:00Z',"
        + " '{alice}')");
    fx.platformSql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at, time_zone,"
        + " series_entry_id, original_start, status, assignees) VALUES ('acme', 'weekly-off', 'Weekly',"
        + " '2026-01-26T08:00:00Z', '2026-01-26T08:30:00Z', 'Europe/Berlin', 'weekly', '2026-01-26T08:00:00Z',"
        + " 'cancelled', '{alice}')");
    return fx.bidirectional();
  }

  /** The platform's exception of the series {@code weekly} for the occurrence originally at {@code originalStart}. */
  protected ScheduleEntry exceptionOf(String originalStart) {
    List<ScheduleEntry> found = fx.database.store().entries()
        .findAssigned(EngineFixture.TENANT, EngineFixture.USER_ID, JANUARY, MARCH).stream()
        .filter(e -> e.content().recurrenceOverride() != null
            && e.content().recurrenceOverride().originalStart().equals(Instant.parse(originalStart)))
        .toList();
    assertThat(found).as("one exception for the occurrence at " + originalStart).hasSize(1);
    return found.get(0);
  }

  /** A rule the store accepts (valid line shape) but this vendor refuses. */
  abstract String ruleTheVendorRefuses();
}
