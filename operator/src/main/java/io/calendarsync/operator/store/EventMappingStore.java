package io.calendarsync.operator.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.calendarsync.operator.store.JdbcValues.getInstant;
import static io.calendarsync.operator.store.JdbcValues.getNullableLong;
import static io.calendarsync.operator.store.JdbcValues.setInstant;
import static io.calendarsync.operator.store.JdbcValues.setNullableLong;

/**
 * Reads and writes {@code event_mappings}: one row per provider and entry, and per provider and external event.
 */
public final class EventMappingStore {

  private static final String COLUMNS = """
      provider, tenant, entry_id, external_event_id, external_etag, synced_entry_version, status, error_message,
      last_synced_at""";

  private final SqlRunner sql;

  EventMappingStore(SqlRunner sql) {
    this.sql = sql;
  }

  public Optional<EventMapping> findByEntry(ProviderKey provider, EntryKey entry) {
    return sql.run("read the mapping of " + entry + " for " + provider, connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
          + " FROM calendar_sync.event_mappings WHERE provider = ? AND tenant = ? AND entry_id = ?")) {
        statement.setString(1, provider.toString());
        statement.setString(2, entry.tenant());
        statement.setString(3, entry.entryId());
        return list(statement).stream().findFirst();
      }
    });
  }

  /** The mappings of these events for the provider, by event id: one query for a whole page of vendor changes. */
  public Map<String, EventMapping> findByExternalIds(ProviderKey provider, Collection<String> externalEventIds) {
    return sql.run("read the mappings of " + externalEventIds.size() + " events for " + provider, connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
          + " FROM calendar_sync.event_mappings WHERE provider = ? AND external_event_id = ANY (?)")) {
        statement.setString(1, provider.toString());
        statement.setArray(2, connection.createArrayOf("text", externalEventIds.toArray()));
        Map<String, EventMapping> byId = new HashMap<>();
        list(statement).forEach(mapping -> byId.put(mapping.externalEventId(), mapping));
        return byId;
      }
    });
  }

  public Optional<EventMapping> findByExternalId(ProviderKey provider, String externalEventId) {
    return sql.run("read the mapping of event " + externalEventId + " for " + provider, connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
          + " FROM calendar_sync.event_mappings WHERE provider = ? AND external_event_id = ?")) {
        statement.setString(1, provider.toString());
        statement.setString(2, externalEventId);
        return list(statement).stream().findFirst();
      }
    });
  }

  /** How many of the provider's pairs are parked in {@code status}: a count, not a listing, as every sync asks it. */
  public long countByStatus(ProviderKey provider, MappingStatus status) {
    return sql.run("count the " + status + " mappings of " + provider, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT count(*) FROM calendar_sync.event_mappings WHERE provider = ? AND status = ?")) {
        statement.setString(1, provider.toString());
        statement.setString(2, status.databaseValue());
        try (var rows = statement.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  /**
   * The external ids of the provider's events that are live series on the platform: the series whose occurrences a
   * vendor may report only by their absence (Graph), and which are then read again.
   */
  public List<String> findSeriesEventIds(ProviderKey provider) {
    return sql.run("list the series events of " + provider, connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT m.external_event_id"
          + " FROM calendar_sync.event_mappings m JOIN calendar_sync.schedule_entries e"
          + " ON e.tenant = m.tenant AND e.entry_id = m.entry_id"
          + " WHERE m.provider = ? AND m.external_event_id IS NOT NULL AND cardinality(e.recurrence) > 0"
          + " AND e.deleted_at IS NULL ORDER BY m.external_event_id")) {
        statement.setString(1, provider.toString());
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getString(1));
          }
        }
        return ids;
      }
    });
  }

  /** All mappings of a provider, ordered by entry. */
  public List<EventMapping> findByProvider(ProviderKey provider) {
    return sql.run("list the mappings of " + provider, connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
          + " FROM calendar_sync.event_mappings WHERE provider = ? ORDER BY tenant, entry_id")) {
        statement.setString(1, provider.toString());
        return list(statement);
      }
    });
  }

  /**
   * Inserts or replaces the mapping of its provider and entry. Fails with {@link StoreException.Kind#REJECTED} when
   * another entry of the provider is already mapped to the same external event.
   */
  public void save(EventMapping mapping) {
    saveAll(List.of(mapping));
  }

  /**
   * {@link #save} for many mappings in one statement, as an import needs. Each (provider, entry) at most once; a
   * batch binds {@code mappings.size() * 9} parameters, PostgreSQL takes at most 65,535 per statement.
   */
  public void saveAll(List<EventMapping> mappings) {
    if (mappings.isEmpty()) {
      return;
    }
    String action = mappings.size() == 1
        ? "save the mapping of " + mappings.get(0).entry() + " for " + mappings.get(0).provider()
        : "save " + mappings.size() + " mappings";
    sql.run(action, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "INSERT INTO calendar_sync.event_mappings (" + COLUMNS + ") VALUES "
              + String.join(", ", Collections.nCopies(mappings.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?)"))
              + " ON CONFLICT (provider, tenant, entry_id) DO UPDATE SET"
              + " external_event_id = excluded.external_event_id, external_etag = excluded.external_etag,"
              + " synced_entry_version = excluded.synced_entry_version, status = excluded.status,"
              + " error_message = excluded.error_message, last_synced_at = excluded.last_synced_at,"
              + " updated_at = now()")) {
        int index = 1;
        for (EventMapping mapping : mappings) {
          statement.setString(index, mapping.provider().toString());
          statement.setString(index + 1, mapping.entry().tenant());
          statement.setString(index + 2, mapping.entry().entryId());
          statement.setString(index + 3, mapping.externalEventId());
          statement.setString(index + 4, mapping.externalEtag());
          setNullableLong(statement, index + 5, mapping.syncedEntryVersion());
          statement.setString(index + 6, mapping.status().databaseValue());
          statement.setString(index + 7, mapping.errorMessage());
          setInstant(statement, index + 8, mapping.lastSyncedAt());
          index += 9;
        }
        return statement.executeUpdate();
      }
    });
  }

  /** Removes the mapping; false if there was none. */
  public boolean delete(ProviderKey provider, EntryKey entry) {
    return sql.run("delete the mapping of " + entry + " for " + provider, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "DELETE FROM calendar_sync.event_mappings WHERE provider = ? AND tenant = ? AND entry_id = ?")) {
        statement.setString(1, provider.toString());
        statement.setString(2, entry.tenant());
        statement.setString(3, entry.entryId());
        return statement.executeUpdate() > 0;
      }
    });
  }

  private static List<EventMapping> list(PreparedStatement statement) throws SQLException {
    List<EventMapping> mappings = new ArrayList<>();
    try (ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        mappings.add(new EventMapping(
            ProviderKey.parse(row.getString("provider")),
            new EntryKey(row.getString("tenant"), row.getString("entry_id")),
            row.getString("external_event_id"),
            row.getString("external_etag"),
            getNullableLong(row, "synced_entry_version"),
            MappingStatus.fromDatabase(row.getString("status")),
            row.getString("error_message"),
            getInstant(row, "last_synced_at")));
      }
    }
    return mappings;
  }
}
