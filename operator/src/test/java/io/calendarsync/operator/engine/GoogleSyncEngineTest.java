package io.calendarsync.operator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.api.v1alpha1.ConflictPolicy;
import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.api.v1alpha1.SyncDirection;
import io.calendarsync.operator.store.EntryStatus;
import io.calendarsync.operator.store.EntryTiming;
import io.calendarsync.operator.store.MappingStatus;
import io.calendarsync.operator.store.ProviderKey;
import io.calendarsync.operator.store.ScheduleEntry;
import io.calendarsync.operator.sync.SyncResult;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.google.GoogleEmulatorFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The guarantees of DESIGN §6 on Google: real schedule store, real adapter and client library, Google emulator. */
class GoogleSyncEngineTest {

  private EngineFixture fx;

  @BeforeEach
  void start() {
    fx = new EngineFixture();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private ObjectNode edit(String field, String value) {
    return JsonNodeFactory.instance.objectNode().put(field, value);
  }

  private void userEdits(String eventId, String field, String value) {
    fx.google.emulator.calendars().updateEvent(GoogleEmulatorFixture.USER, "primary", eventId, edit(field, value));
  }

  @Test
  void aPlatformEntryAppearsInTheCalendarStampedAsOursAndAnEchoCausesNoFurtherWrites() throws Exception {
    fx.platformInserts("visit-1", "On-site visit", "2026-01-12T09:00:00Z", "2026-01-12T10:30:00Z");
    SyncTarget target = fx.bidirectional();

    SyncResult first = fx.sync(target);

    ObjectNode event = fx.onlyEvent();
    assertThat(event.path("summary").asText()).isEqualTo("On-site visit");
    assertThat(event.at("/start/timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(java.time.OffsetDateTime.parse(event.at("/start/dateTime").asText()).toInstant())
        .isEqualTo(Instant.parse("2026-01-12T09:00:00Z"));
    assertThat(event.at("/extendedProperties/private/calendarsync-entry").asText()).isEqualTo("acme/visit-1");
    assertThat(first.counts().getCreatedExternal()).isEqualTo(1);
    assertThat(fx.google.emulator.invitations().toString()).doesNotContain("visit");

    long writes = fx.vendorWrites();
    long changes = fx.changeLogSize();
    SyncResult second = fx.sync(target);
    SyncResult third = fx.sync(target);

    assertThat(fx.vendorWrites()).as("our own write coming back is recognised").isEqualTo(writes);
    assertThat(fx.changeLogSize()).as("and the platform is not written either").isEqualTo(changes);
    assertThat(second.changedAnything()).isFalse();
    assertThat(third.changedAnything()).isFalse();
  }

  @Test
  void aCalendarEditReachesThePlatformTaggedWithTheProviderAndIsNotPushedBack() throws Exception {
    fx.platformInserts("visit-2", "Before", "2026-01-13T09:00:00Z", "2026-01-13T10:00:00Z");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    String eventId = fx.onlyEvent().path("id").asText();
    long versionBefore = fx.entry("visit-2").version();

    userEdits(eventId, "summary", "Moved by Alice");
    long writes = fx.vendorWrites();
    SyncResult result = fx.sync(target);

    ScheduleEntry entry = fx.entry("visit-2");
    assertThat(entry.content().title()).isEqualTo("Moved by Alice");
    assertThat(entry.version()).isEqualTo(versionBefore + 1);
    assertThat(result.counts().getUpdatedInternal()).isEqualTo(1);
    fx.sync(target);
    assertThat(fx.vendorWrites()).as("the change came from this calendar: nothing is written back").isEqualTo(writes);
  }

  @Test
  void anEventCreatedInTheCalendarIsImportedForTheUser() throws Exception {
    fx.google.emulator.calendars().createEvent(GoogleEmulatorFixture.USER, "primary",
        (ObjectNode) JsonNodeFactory.instance.objectNode().put("summary", "Dentist")
            .<ObjectNode>set("start", JsonNodeFactory.instance.objectNode().put("date", "2026-01-20"))
            .set("end", JsonNodeFactory.instance.objectNode().put("date", "2026-01-21")));

    SyncResult result = fx.sync(fx.bidirectional());

    assertThat(result.counts().getCreatedInternal()).isEqualTo(1);
    var imported = fx.database.store().entries().findAssigned(EngineFixture.TENANT, EngineFixture.USER_ID,
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(imported).singleElement().satisfies(e -> {
      assertThat(e.content().title()).isEqualTo("Dentist");
      assertThat(e.content().timing()).isEqualTo(new EntryTiming.AllDay(LocalDate.parse("2026-01-20"), LocalDate.parse("2026-01-21")));
      assertThat(e.content().assignees()).containsExactly(EngineFixture.USER_ID);
    });
  }

  @Test
  void anAllDayEntryKeepsItsLengthThroughARoundTrip() throws Exception {
    fx.platformSql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, start_date, end_date, time_zone,"
        + " assignees) VALUES ('acme', 'offsite', 'Offsite', '2026-02-02', '2026-02-04', 'Europe/Berlin', '{alice}')");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    ObjectNode event = fx.onlyEvent();
    assertThat(event.at("/start/date").asText()).isEqualTo("2026-02-02");
    assertThat(event.at("/end/date").asText()).isEqualTo("2026-02-04");

    userEdits(event.path("id").asText(), "summary", "Offsite (Lisbon)");
    fx.sync(target);
    fx.sync(target);

    assertThat(fx.entry("offsite").content().timing())
        .isEqualTo(new EntryTiming.AllDay(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-04")));
    assertThat(fx.onlyEvent().at("/end/date").asText()).isEqualTo("2026-02-04");
  }

  @Test
  void deletionsTravelBothWays() throws Exception {
    fx.platformInserts("a", "A", "2026-01-14T09:00:00Z", "2026-01-14T10:00:00Z");
    fx.platformInserts("b", "B", "2026-01-15T09:00:00Z", "2026-01-15T10:00:00Z");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    assertThat(fx.calendarEvents()).hasSize(2);

    fx.platformSql("UPDATE calendar_sync.schedule_entries SET deleted_at = now() WHERE entry_id = 'a'");
    String eventB = fx.calendarEvents().stream().filter(e -> e.path("summary").asText().equals("B")).findFirst()
        .orElseThrow().path("id").asText();
    fx.google.emulator.calendars().deleteEvent(GoogleEmulatorFixture.USER, "primary", eventB);
    SyncResult result = fx.sync(target);

    assertThat(fx.calendarEvents()).isEmpty();
    assertThat(fx.entry("b").deleted()).isTrue();
    assertThat(result.counts().getDeletedExternal()).isEqualTo(1);
    assertThat(result.counts().getDeletedInternal()).isEqualTo(1);
  }

  @Test
  void unassigningTheUserRemovesTheEventButKeepsTheEntry() throws Exception {
    fx.platformInserts("handover", "Ticket 42", "2026-01-16T09:00:00Z", "2026-01-16T10:00:00Z");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    assertThat(fx.calendarEvents()).hasSize(1);

    fx.platformSql("UPDATE calendar_sync.schedule_entries SET assignees = '{bob}' WHERE entry_id = 'handover'");
    fx.sync(target);

    assertThat(fx.calendarEvents()).isEmpty();
    assertThat(fx.entry("handover").deleted()).isFalse();
    assertThat(fx.entry("handover").content().assignees()).containsExactly("bob");
  }

  @Test
  void manualPolicyChangesNeitherSideAndSurfacesTheConflictUntilAPersonDecides() throws Exception {
    fx.platformInserts("clash", "Original", "2026-01-19T09:00:00Z", "2026-01-19T10:00:00Z");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    String eventId = fx.onlyEvent().path("id").asText();

    fx.platformSql("UPDATE calendar_sync.schedule_entries SET title = 'Platform title' WHERE entry_id = 'clash'");
    userEdits(eventId, "summary", "Calendar title");
    long writes = fx.vendorWrites();
    SyncResult result = fx.sync(target);
    fx.sync(target);

    assertThat(fx.entry("clash").content().title()).isEqualTo("Platform title");
    assertThat(fx.onlyEvent().path("summary").asText()).isEqualTo("Calendar title");
    assertThat(fx.vendorWrites()).isEqualTo(writes);
    assertThat(result.openConflicts()).isEqualTo(1);
    assertThat(fx.conflicts).singleElement().satisfies(c -> {
      assertThat(c.entry().entryId()).isEqualTo("clash");
      assertThat(c.internal().orElseThrow().content().title()).isEqualTo("Platform title");
      assertThat(c.external().orElseThrow().content().title()).isEqualTo("Calendar title");
    });

    fx.engine.resolve(target, "clash", ConflictResolution.KeepExternal);

    assertThat(fx.entry("clash").content().title()).isEqualTo("Calendar title");
    assertThat(fx.database.store().mappings().findByProvider(new ProviderKey("team-a", "alice-google")))
        .singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(MappingStatus.SYNCED));
    assertThat(fx.sync(target).openConflicts()).isZero();
  }

  @Test
  void preferInternalOverwritesTheCalendarAndPreferExternalTheSchedule() throws Exception {
    fx.platformInserts("p1", "One", "2026-01-21T09:00:00Z", "2026-01-21T10:00:00Z");
    SyncTarget internal = fx.target(SyncDirection.Bidirectional, ConflictPolicy.PreferInternal);
    fx.sync(internal);
    String eventId = fx.onlyEvent().path("id").asText();
    fx.platformSql("UPDATE calendar_sync.schedule_entries SET title = 'Platform wins' WHERE entry_id = 'p1'");
    userEdits(eventId, "summary", "Calendar loses");

    fx.sync(internal);
    assertThat(fx.onlyEvent().path("summary").asText()).isEqualTo("Platform wins");
    assertThat(fx.autoResolved).containsExactly("p1 KeepInternal");

    SyncTarget external = fx.target(SyncDirection.Bidirectional, ConflictPolicy.PreferExternal);
    fx.platformSql("UPDATE calendar_sync.schedule_entries SET title = 'Platform loses' WHERE entry_id = 'p1'");
    userEdits(eventId, "summary", "Calendar wins");
    fx.sync(external);
    assertThat(fx.entry("p1").content().title()).isEqualTo("Calendar wins");
    assertThat(fx.conflicts).isEmpty();
  }

  @Test
  void toExternalNeverWritesThePlatformAndFromExternalNeverWritesTheCalendar() throws Exception {
    fx.platformInserts("out", "Outbound only", "2026-01-22T09:00:00Z", "2026-01-22T10:00:00Z");
    SyncTarget toExternal = fx.target(SyncDirection.ToExternal, ConflictPolicy.Manual);
    fx.sync(toExternal);
    fx.google.emulator.calendars().createEvent(GoogleEmulatorFixture.USER, "primary",
        (ObjectNode) JsonNodeFactory.instance.objectNode().put("summary", "Private errand")
            .<ObjectNode>set("start", JsonNodeFactory.instance.objectNode().put("date", "2026-01-23"))
            .set("end", JsonNodeFactory.instance.objectNode().put("date", "2026-01-24")));
    long changes = fx.changeLogSize();
    fx.sync(toExternal);
    assertThat(fx.changeLogSize()).isEqualTo(changes);
    assertThat(fx.calendarEvents()).hasSize(2);

    try (EngineFixture other = new EngineFixture()) {
      other.platformInserts("in", "Never exported", "2026-01-22T09:00:00Z", "2026-01-22T10:00:00Z");
      other.sync(other.target(SyncDirection.FromExternal, ConflictPolicy.Manual));
      assertThat(other.calendarEvents()).isEmpty();
      assertThat(other.vendorWrites()).isZero();
    }
  }

  @Test
  void aCrashBetweenTheVendorWriteAndTheCommitCreatesNoDuplicate() throws Exception {
    fx.platformInserts("crash", "Written once", "2026-01-26T09:00:00Z", "2026-01-26T10:00:00Z");
    SyncTarget target = fx.bidirectional();
    // The vendor accepts the create, then the process dies before the mapping commits: simulated by forgetting
    // everything the database learnt from that sync (mapping and watermark), exactly what an uncommitted sync leaves.
    fx.sync(target);
    fx.platformSql("DELETE FROM calendar_sync.event_mappings");
    fx.platformSql("DELETE FROM calendar_sync.provider_sync_state");

    fx.sync(target);
    fx.sync(target);

    assertThat(fx.calendarEvents()).hasSize(1);
    assertThat(fx.database.store().mappings().findByProvider(new ProviderKey("team-a", "alice-google"))).hasSize(1);
  }

  @Test
  void anExpiredSyncTokenLeadsToAFullResyncWithoutDuplicates() throws Exception {
    fx.platformInserts("t1", "Kept", "2026-01-27T09:00:00Z", "2026-01-27T10:00:00Z");
    SyncTarget target = fx.bidirectional();
    fx.sync(target);
    String eventId = fx.onlyEvent().path("id").asText();
    userEdits(eventId, "summary", "Edited while the token expired");
    fx.google.emulator.calendars().invalidateSyncState();

    fx.sync(target);

    assertThat(fx.calendarEvents()).hasSize(1);
    assertThat(fx.entry("t1").content().title()).isEqualTo("Edited while the token expired");
    var entries = fx.database.store().entries().findAssigned(EngineFixture.TENANT, EngineFixture.USER_ID,
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(entries).hasSize(1);
  }

  @Test
  void aProviderReCreatedUnderTheSameNameAdoptsItsEventsInsteadOfCopyingThem() throws Exception {
    fx.platformInserts("r1", "Stays single", "2026-01-28T09:00:00Z", "2026-01-28T10:00:00Z");
    SyncTarget first = fx.bidirectional();
    fx.sync(first);
    fx.engine.release(first);

    SyncTarget again = fx.bidirectional();
    SyncResult result = fx.sync(again);

    assertThat(fx.calendarEvents()).hasSize(1);
    assertThat(result.counts().getCreatedExternal()).isZero();
    assertThat(result.counts().getCreatedInternal()).isZero();
  }

  @Test
  void statusAndPrivacyTravelWithTheEntry() throws Exception {
    fx.platformSql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at, time_zone,"
        + " status, is_private, assignees) VALUES ('acme', 'maybe', 'Maybe', '2026-01-29T09:00:00Z',"
        + " '2026-01-29T10:00:00Z', 'UTC', 'tentative', true, '{alice}')");
    fx.sync(fx.bidirectional());
    ObjectNode event = fx.onlyEvent();
    assertThat(event.path("status").asText()).isEqualTo("tentative");
    assertThat(event.path("visibility").asText()).isEqualTo("private");
    assertThat(fx.entry("maybe").content().status()).isEqualTo(EntryStatus.TENTATIVE);
  }

  @Test
  void anEntryTheVendorRefusesIsMarkedErrorWithItsMessageWhileTheOthersSync() throws Exception {
    fx.platformSql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at, time_zone,"
        + " recurrence, assignees) VALUES ('acme', 'odd-series', 'Odd', '2026-01-30T09:00:00Z', '2026-01-30T10:00:00Z',"
        + " 'UTC', '{RRULE:FREQ=SOMETIMES}', '{alice}')");
    fx.platformInserts("fine", "Fine", "2026-01-30T11:00:00Z", "2026-01-30T12:00:00Z");
    SyncTarget target = fx.bidirectional();

    SyncResult result = fx.sync(target);

    assertThat(result.counts().getErrors()).isEqualTo(1);
    assertThat(fx.onlyEvent().path("summary").asText()).isEqualTo("Fine");
    var refused = fx.database.store().mappings()
        .findByEntry(new ProviderKey("team-a", "alice-google"), new io.calendarsync.operator.store.EntryKey("acme", "odd-series"))
        .orElseThrow();
    assertThat(refused.status()).isEqualTo(MappingStatus.ERROR);
    assertThat(refused.errorMessage()).isNotBlank();

    long writes = fx.vendorWrites();
    fx.sync(target);
    assertThat(fx.vendorWrites()).as("a refused entry is not retried until it changes").isEqualTo(writes);

    fx.platformSql("UPDATE calendar_sync.schedule_entries SET recurrence = '{RRULE:FREQ=WEEKLY;COUNT=3}'"
        + " WHERE entry_id = 'odd-series'");
    fx.sync(target);
    assertThat(fx.calendarEvents()).hasSize(2);
  }
}
