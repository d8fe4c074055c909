package io.calendarsync.operator.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.calendarsync.operator.store.Entries.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventMappingStoreTest {

  private static final Instant SYNCED_AT = Instant.parse("2026-03-01T12:00:00Z");

  private static TestDatabase database;
  private static EventMappingStore mappings;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.migrated();
    mappings = database.store().mappings();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void findsAMappingByEntryAndByExternalEventAndReplacesIt() {
    ProviderKey provider = new ProviderKey("acme", "find-and-replace");
    EventMapping synced = EventMapping.synced(provider, key("visit"), "evt-visit", "\"etag-1\"", 3, SYNCED_AT);
    mappings.save(synced);

    assertThat(mappings.findByEntry(provider, key("visit"))).contains(synced);
    assertThat(mappings.findByExternalId(provider, "evt-visit")).contains(synced);

    EventMapping conflict = synced.withStatus(MappingStatus.CONFLICT, "both sides changed");
    assertThat(mappings.countByStatus(provider, MappingStatus.CONFLICT)).isZero();
    mappings.save(conflict);
    assertThat(mappings.countByStatus(provider, MappingStatus.CONFLICT)).isEqualTo(1);
    assertThat(mappings.findByEntry(provider, key("visit"))).contains(conflict);
    assertThat(mappings.findByProvider(provider)).containsExactly(conflict);

    assertThat(mappings.delete(provider, key("visit"))).isTrue();
    assertThat(mappings.delete(provider, key("visit"))).isFalse();
    assertThat(mappings.findByEntry(provider, key("visit"))).isEmpty();
  }

  @Test
  void findsTheMappingsOfAPageOfEventsInOneQueryAndOnlyTheProvidersOwn() {
    ProviderKey provider = new ProviderKey("acme", "page");
    EventMapping one = EventMapping.synced(provider, key("one"), "evt-1", "e", 1, SYNCED_AT);
    EventMapping two = EventMapping.synced(provider, key("two"), "evt-2", "e", 1, SYNCED_AT);
    mappings.save(one);
    mappings.save(two);
    mappings.save(EventMapping.synced(new ProviderKey("acme", "someone-else"), key("one"), "evt-3", "e", 1, SYNCED_AT));

    assertThat(mappings.findByExternalIds(provider, java.util.List.of("evt-1", "evt-2", "evt-3", "evt-unknown")))
        .containsOnly(java.util.Map.entry("evt-1", one), java.util.Map.entry("evt-2", two));
  }

  @Test
  void savesABatchOfMappingsInsertingNewOnesAndReplacingExistingOnes() {
    ProviderKey provider = new ProviderKey("acme", "batch");
    mappings.save(EventMapping.synced(provider, key("old"), "evt-old", "e1", 1, SYNCED_AT));
    EventMapping replaced = EventMapping.synced(provider, key("old"), "evt-old", "e2", 2, SYNCED_AT);
    EventMapping added = EventMapping.synced(provider, key("new"), "evt-new", "e1", 1, SYNCED_AT);

    mappings.saveAll(java.util.List.of(replaced, added));

    assertThat(mappings.findByProvider(provider)).containsExactly(added, replaced);
  }

  @Test
  void mapsAnExternalEventToOneEntryOnlyPerProvider() {
    ProviderKey provider = new ProviderKey("acme", "unique-events");
    mappings.save(EventMapping.synced(provider, key("first"), "evt-shared", "e1", 1, SYNCED_AT));

    assertThatThrownBy(() -> mappings.save(EventMapping.synced(provider, key("second"), "evt-shared", "e1", 1,
        SYNCED_AT)))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.REJECTED))
        .hasMessageContaining("event_mappings_external_event_key");
    // Another provider may have an event with the same id in its own calendar.
    mappings.save(EventMapping.synced(new ProviderKey("acme", "other"), key("second"), "evt-shared", "e1", 1,
        SYNCED_AT));
  }

  @Test
  void keepsMappingsByProviderNameSoARecreatedProviderFindsThem() {
    ProviderKey before = new ProviderKey("acme", "alice-google");
    mappings.save(EventMapping.synced(before, key("kept"), "evt-kept", "e1", 1, SYNCED_AT));

    ProviderKey recreated = ProviderKey.parse("acme/alice-google");
    assertThat(mappings.findByExternalId(recreated, "evt-kept")).isPresent();
  }

  @Test
  void recordsWhyASyncFailed() {
    ProviderKey provider = new ProviderKey("acme", "failing");
    EventMapping failed = new EventMapping(provider, key("broken"), "evt-broken", null, null, MappingStatus.ERROR,
        "Google said 403 forbidden", null);
    mappings.save(failed);

    assertThat(mappings.findByEntry(provider, key("broken"))).contains(failed);
  }
}
