package io.calendarsync.operator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.api.v1alpha1.CalendarProviderSpec;
import io.calendarsync.api.v1alpha1.ConflictPolicy;
import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.api.v1alpha1.SyncDirection;
import io.calendarsync.operator.store.EntryKey;
import io.calendarsync.operator.store.EventMapping;
import io.calendarsync.operator.store.ProviderKey;
import io.calendarsync.operator.store.ScheduleEntry;
import io.calendarsync.operator.store.TestDatabase;
import io.calendarsync.operator.sync.SyncResult;
import io.calendarsync.operator.sync.SyncTarget;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real engine on a real (embedded) PostgreSQL schedule and a vendor emulator through the real adapter. The
 * platform writes SQL as it would; "the user" edits the calendar through the emulator, as in the vendor's app.
 */
final class EngineFixture implements AutoCloseable {

  static final String TENANT = "acme";
  static final String USER_ID = "alice";

  final TestDatabase database = TestDatabase.migrated();
  final VendorHarness vendor;
  final List<DetectedConflict> conflicts = new CopyOnWriteArrayList<>();
  final List<String> autoResolved = new CopyOnWriteArrayList<>();
  final SyncEngine engine;

  EngineFixture(VendorHarness vendor) {
    this.vendor = vendor;
    ConflictReporter reporter = new ConflictReporter() {
      @Override
      public void conflictDetected(SyncTarget target, DetectedConflict conflict) {
        conflicts.add(conflict);
      }

      @Override
      public void conflictAutoResolved(SyncTarget target, DetectedConflict conflict, ConflictPolicy policy,
          ConflictResolution kept) {
        autoResolved.add(conflict.entry().entryId() + " " + kept);
      }
    };
    engine = new SyncEngine(database.store(), Map.of(vendor.vendor(), vendor.connector()), vendor.tokens(), reporter,
        (type, fields) -> { }, vendor.clock());
  }

  SyncTarget target(SyncDirection direction, ConflictPolicy policy) {
    SyncTarget base = vendor.target();
    CalendarProviderSpec spec = base.spec();
    spec.setTenant(TENANT);
    spec.setUserId(USER_ID);
    spec.setSyncDirection(direction);
    spec.setConflictPolicy(policy);
    return base;
  }

  SyncTarget bidirectional() {
    return target(SyncDirection.Bidirectional, ConflictPolicy.Manual);
  }

  SyncResult sync(SyncTarget target) throws Exception {
    return engine.sync(target);
  }

  /** The platform inserts a timed entry for alice, as its own SQL would. */
  void platformInserts(String entryId, String title, String start, String end) {
    database.execute("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at,"
        + " time_zone, assignees) VALUES ('" + TENANT + "', '" + entryId + "', '" + title + "', '" + start + "', '"
        + end + "', 'Europe/Berlin', '{" + USER_ID + "}')");
  }

  void platformSql(String sql) {
    database.execute(sql);
  }

  ScheduleEntry entry(String entryId) {
    return database.store().entries().find(new EntryKey(TENANT, entryId)).orElseThrow();
  }

  List<EventMapping> mappings(SyncTarget target) {
    return database.store().mappings().findByProvider(new ProviderKey(target.namespace(), target.name()));
  }

  ObjectNode onlyEvent() {
    List<ObjectNode> events = vendor.events();
    if (events.size() != 1) {
      throw new AssertionError("expected one event, found " + events.size() + ": " + events);
    }
    return events.get(0);
  }

  ObjectNode eventTitled(String title) {
    return vendor.events().stream().filter(e -> vendor.title(e).equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no event titled " + title));
  }

  long changeLogSize() {
    try (var connection = database.connect(); var statement = connection.createStatement();
         var rows = statement.executeQuery("SELECT count(*) FROM calendar_sync.schedule_entry_changes")) {
      rows.next();
      return rows.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    vendor.close();
    database.close();
  }
}
