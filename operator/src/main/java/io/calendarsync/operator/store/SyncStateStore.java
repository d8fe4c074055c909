package io.calendarsync.operator.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

import static io.calendarsync.operator.store.JdbcValues.getInstant;
import static io.calendarsync.operator.store.JdbcValues.setInstant;

/** Reads and writes {@code provider_sync_state}; each save creates the provider's row if it has none. */
public final class SyncStateStore {

  private final SqlRunner sql;

  SyncStateStore(SqlRunner sql) {
    this.sql = sql;
  }

  public Optional<ProviderSyncState> find(ProviderKey provider) {
    return sql.run("read the sync state of " + provider, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT watermark_tx_id::text AS watermark_tx_id, watermark_seq, external_sync_token, window_start,"
              + " window_end, last_full_sync_at FROM calendar_sync.provider_sync_state WHERE provider = ?")) {
        statement.setString(1, provider.toString());
        try (ResultSet row = statement.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          String transactionId = row.getString("watermark_tx_id");
          ChangeLogPosition watermark = transactionId == null ? null
              : new ChangeLogPosition(Long.parseLong(transactionId), row.getLong("watermark_seq"));
          return Optional.of(new ProviderSyncState(provider, watermark, row.getString("external_sync_token"),
              getInstant(row, "window_start"), getInstant(row, "window_end"), getInstant(row, "last_full_sync_at")));
        }
      }
    });
  }

  public void saveWatermark(ProviderKey provider, ChangeLogPosition watermark) {
    upsert("save the watermark of " + provider,
        "INSERT INTO calendar_sync.provider_sync_state (provider, watermark_tx_id, watermark_seq)"
            + " VALUES (?, ?::xid8, ?) ON CONFLICT (provider) DO UPDATE SET"
            + " watermark_tx_id = excluded.watermark_tx_id, watermark_seq = excluded.watermark_seq, updated_at = now()",
        provider, Long.toString(watermark.transactionId()), watermark.sequence());
  }

  /** Stores Google's nextSyncToken or Graph's deltaLink; null forgets it (the vendor said it expired). */
  public void saveExternalSyncToken(ProviderKey provider, String token) {
    upsert("save the sync token of " + provider,
        "INSERT INTO calendar_sync.provider_sync_state (provider, external_sync_token) VALUES (?, ?)"
            + " ON CONFLICT (provider) DO UPDATE SET"
            + " external_sync_token = excluded.external_sync_token, updated_at = now()",
        provider, token);
  }

  /** Records a completed full sync of the window {@code [windowStart, windowEnd)}. */
  public void recordFullSync(ProviderKey provider, Instant windowStart, Instant windowEnd, Instant completedAt) {
    upsert("record the full sync of " + provider,
        "INSERT INTO calendar_sync.provider_sync_state (provider, window_start, window_end, last_full_sync_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (provider) DO UPDATE SET"
            + " window_start = excluded.window_start, window_end = excluded.window_end,"
            + " last_full_sync_at = excluded.last_full_sync_at, updated_at = now()",
        provider, windowStart, windowEnd, completedAt);
  }

  private void upsert(String action, String statementText, ProviderKey provider, Object... values) {
    sql.run(action, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(statementText)) {
        statement.setString(1, provider.toString());
        for (int i = 0; i < values.length; i++) {
          if (values[i] instanceof Instant instant) {
            setInstant(statement, i + 2, instant);
          } else {
            statement.setObject(i + 2, values[i]);
          }
        }
        return statement.executeUpdate();
      }
    });
  }
}
