package io.calendarsync.operator.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import static io.calendarsync.operator.store.Entries.key;
import static io.calendarsync.operator.store.Entries.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the engine stores a sync's results: all together or nothing, and only while it holds the provider. */
class ProviderSyncTransactionTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static TestDatabase database;
  private static Store store;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.migrated();
    store = database.store();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void commitsTheMappingAndTheWatermarkTogether() {
    ProviderKey provider = new ProviderKey("acme", "together");
    ChangeLogPosition watermark = new ChangeLogPosition(900, 3);

    store.inTransaction(tx -> {
      tx.mappings().save(EventMapping.synced(provider, key("a"), "evt-a", "e1", 1, NOW));
      tx.syncState().saveWatermark(provider, watermark);
      return null;
    });

    assertThat(store.mappings().findByEntry(provider, key("a"))).isPresent();
    assertThat(store.syncState().find(provider).orElseThrow().watermark()).isEqualTo(watermark);
  }

  @Test
  void keepsNeitherWhenTheWorkFailsInBetween() {
    ProviderKey provider = new ProviderKey("acme", "crash-in-between");

    assertThatThrownBy(() -> store.inTransaction(tx -> {
      tx.mappings().save(EventMapping.synced(provider, key("a"), "evt-a", "e1", 1, NOW));
      throw new IllegalStateException("the operator died here");
    })).hasMessage("the operator died here");

    assertThat(store.mappings().findByEntry(provider, key("a"))).isEmpty();
    assertThat(store.syncState().find(provider)).isEmpty();
  }

  @Test
  void keepsNeitherWhenTheDatabaseRefusesTheSecondWrite() {
    ProviderKey provider = new ProviderKey("acme", "refused");
    store.mappings().save(EventMapping.synced(provider, key("taken"), "evt-taken", "e1", 1, NOW));

    assertThatThrownBy(() -> store.inTransaction(tx -> {
      tx.syncState().saveWatermark(provider, new ChangeLogPosition(900, 3));
      tx.mappings().save(EventMapping.synced(provider, key("b"), "evt-taken", "e1", 1, NOW));
      return null;
    })).isInstanceOf(StoreException.class);

    assertThat(store.syncState().find(provider)).isEmpty();
    assertThat(store.mappings().findByEntry(provider, key("b"))).isEmpty();
  }

  @Test
  void appliesACalendarChangeWithItsMappingAndSyncTokenAtomically() {
    ProviderKey provider = new ProviderKey("acme", "from-calendar");
    EntryKey key = key("calendar-change");
    store.entries().insert(key, timed("Visit", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "alice"),
        ChangeOrigin.PLATFORM);

    store.inTransaction(tx -> {
      ScheduleEntry updated = tx.entries().update(key,
          timed("Visit, moved", "2026-03-02T11:00:00Z", "2026-03-02T12:00:00Z", "alice"), 1,
          ChangeOrigin.provider(provider)).orElseThrow();
      tx.mappings().save(EventMapping.synced(provider, key, "evt-visit", "e2", updated.version(), NOW));
      tx.syncState().saveExternalSyncToken(provider, "next-token");
      return null;
    });

    assertThat(store.mappings().findByEntry(provider, key).orElseThrow().syncedEntryVersion()).isEqualTo(2);
    assertThat(store.syncState().find(provider).orElseThrow().externalSyncToken()).isEqualTo("next-token");
  }

  @Test
  void letsOnlyOneReplicaHoldAProvider() {
    ProviderKey provider = new ProviderKey("acme", "contended");
    try (TestDatabase secondReplicasPool = TestDatabase.sharing(database)) {
      ProviderLocks replicaA = store.providerLocks();
      ProviderLocks replicaB = secondReplicasPool.store().providerLocks();

      try (ProviderLock held = replicaA.tryLock(provider).orElseThrow()) {
        assertThat(replicaB.tryLock(provider)).isEmpty();
        assertThat(replicaA.tryLock(provider)).as("not even the same replica twice").isEmpty();
        try (ProviderLock other = replicaB.tryLock(new ProviderKey("acme", "someone-else")).orElseThrow()) {
          assertThat(other.provider().name()).isEqualTo("someone-else");
        }
      }

      Optional<ProviderLock> afterRelease = replicaB.tryLock(provider);
      assertThat(afterRelease).isPresent();
      afterRelease.get().close();
    }
  }

  @Test
  void refusesToCommitAfterTheLockWasLostWithItsConnection() throws SQLException {
    ProviderKey provider = new ProviderKey("acme", "lost-lock");
    try (ProviderLock lock = store.providerLocks().tryLock(provider).orElseThrow()) {
      lock.inTransaction(tx -> {
        tx.syncState().saveWatermark(provider, new ChangeLogPosition(900, 1));
        return null;
      });

      terminateSessionsHoldingAdvisoryLocks();

      assertThatThrownBy(() -> lock.inTransaction(tx -> {
        tx.syncState().saveWatermark(provider, new ChangeLogPosition(900, 2));
        return null;
      })).isInstanceOfSatisfying(StoreException.class,
          e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE));
    }

    assertThat(store.syncState().find(provider).orElseThrow().watermark()).isEqualTo(new ChangeLogPosition(900, 1));
    store.providerLocks().tryLock(provider).orElseThrow().close();
  }

  private static void terminateSessionsHoldingAdvisoryLocks() throws SQLException {
    try (Connection connection = database.connect();
         PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(pid)"
             + " FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database"
             + " WHERE datname = current_database())")) {
      statement.execute();
    }
  }
}
