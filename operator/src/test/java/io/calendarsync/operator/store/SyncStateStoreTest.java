package io.calendarsync.operator.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SyncStateStoreTest {

  private static TestDatabase database;
  private static SyncStateStore syncState;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.migrated();
    syncState = database.store().syncState();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void remembersEachPartSeparately() {
    ProviderKey provider = new ProviderKey("acme", "alice-google");
    assertThat(syncState.find(provider)).isEmpty();

    ChangeLogPosition watermark = new ChangeLogPosition(4_000_000_123L, 17);
    syncState.saveWatermark(provider, watermark);
    syncState.saveExternalSyncToken(provider, "CPDAlvWDx70CEPDAlvWDx70CGAU=");
    Instant windowStart = Instant.parse("2026-02-01T00:00:00Z");
    Instant windowEnd = Instant.parse("2027-02-01T00:00:00Z");
    Instant completedAt = Instant.parse("2026-03-01T12:00:00.123456Z");
    syncState.recordFullSync(provider, windowStart, windowEnd, completedAt);

    assertThat(syncState.find(provider)).contains(new ProviderSyncState(provider, watermark,
        "CPDAlvWDx70CEPDAlvWDx70CGAU=", windowStart, windowEnd, completedAt));

    syncState.saveExternalSyncToken(provider, null);
    assertThat(syncState.find(provider).orElseThrow().externalSyncToken()).isNull();
    assertThat(syncState.find(provider).orElseThrow().watermark()).isEqualTo(watermark);
  }
}
