package io.calendarsync.operator.store;

import io.calendarsync.api.redis.VendorName;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.calendarsync.operator.store.JdbcValues.getInstant;
import static io.calendarsync.operator.store.JdbcValues.setInstant;

/** Reads and writes {@code push_channels}: the channels each provider holds at its vendor. */
public final class PushChannelStore {

  private static final String COLUMNS =
      "provider, vendor, channel_id, resource_id, token_digest, expires_at, retiring, pending_action";

  private final SqlRunner sql;

  PushChannelStore(SqlRunner sql) {
    this.sql = sql;
  }

  /** The provider's channels: the current one first, then those still to be stopped. */
  public List<PushChannelRecord> findByProvider(ProviderKey provider) {
    return query("read the push channels of " + provider,
        "SELECT " + COLUMNS + " FROM calendar_sync.push_channels WHERE provider = ? ORDER BY retiring, created_at",
        provider.toString());
  }

  public Optional<PushChannelRecord> find(VendorName vendor, String channelId) {
    return query("read push channel " + channelId,
        "SELECT " + COLUMNS + " FROM calendar_sync.push_channels WHERE vendor = ? AND channel_id = ?",
        vendor.wireName(), channelId).stream().findFirst();
  }

  /** Records a newly opened channel as the provider's current one; the one it replaces becomes retiring. */
  public void saveCurrent(PushChannelRecord channel) {
    sql.run("record push channel " + channel.channelId(), connection -> {
      try (PreparedStatement retire = connection.prepareStatement(
          "UPDATE calendar_sync.push_channels SET retiring = true WHERE provider = ? AND NOT retiring");
           PreparedStatement insert = connection.prepareStatement("INSERT INTO calendar_sync.push_channels ("
               + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, false, NULL)")) {
        retire.setString(1, channel.provider().toString());
        retire.executeUpdate();
        insert.setString(1, channel.provider().toString());
        insert.setString(2, channel.vendor().wireName());
        insert.setString(3, channel.channelId());
        insert.setString(4, channel.resourceId());
        insert.setString(5, channel.tokenDigest());
        setInstant(insert, 6, channel.expiresAt());
        insert.executeUpdate();
      }
      return null;
    });
  }

  /** Records a renewal in place: the new expiry, and whatever was pending is done. */
  public void extended(VendorName vendor, String channelId, Instant expiresAt) {
    sql.run("record the renewal of push channel " + channelId, connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE calendar_sync.push_channels"
          + " SET expires_at = ?, pending_action = NULL WHERE vendor = ? AND channel_id = ?")) {
        setInstant(update, 1, expiresAt);
        update.setString(2, vendor.wireName());
        update.setString(3, channelId);
        update.executeUpdate();
      }
      return null;
    });
  }

  /** Asks the next sync of the channel's provider to {@code action} it; false when the channel is unknown. */
  public boolean requestAction(VendorName vendor, String channelId, PushChannelRecord.PendingAction action) {
    return sql.run("mark push channel " + channelId + " for " + action, connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE calendar_sync.push_channels"
          + " SET pending_action = ? WHERE vendor = ? AND channel_id = ? AND NOT retiring")) {
        update.setString(1, action.name().toLowerCase(Locale.ROOT));
        update.setString(2, vendor.wireName());
        update.setString(3, channelId);
        return update.executeUpdate() > 0;
      }
    });
  }

  public void delete(VendorName vendor, String channelId) {
    sql.run("forget push channel " + channelId, connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM calendar_sync.push_channels WHERE vendor = ? AND channel_id = ?")) {
        delete.setString(1, vendor.wireName());
        delete.setString(2, channelId);
        delete.executeUpdate();
      }
      return null;
    });
  }

  /** Current channels expiring before {@code instant}: those due for renewal. */
  public long countCurrentExpiringBefore(Instant instant) {
    return sql.run("count push channels due for renewal", connection -> {
      try (PreparedStatement count = connection.prepareStatement(
          "SELECT count(*) FROM calendar_sync.push_channels WHERE NOT retiring AND expires_at < ?")) {
        setInstant(count, 1, instant);
        try (ResultSet row = count.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
    });
  }

  private List<PushChannelRecord> query(String action, String select, String... parameters) {
    return sql.run(action, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(select)) {
        for (int i = 0; i < parameters.length; i++) {
          statement.setString(i + 1, parameters[i]);
        }
        List<PushChannelRecord> channels = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            String pending = row.getString("pending_action");
            channels.add(new PushChannelRecord(ProviderKey.parse(row.getString("provider")),
                VendorName.fromWireName(row.getString("vendor")).orElseThrow(),
                row.getString("channel_id"), row.getString("resource_id"), row.getString("token_digest"),
                getInstant(row, "expires_at"), row.getBoolean("retiring"),
                pending == null ? null : PushChannelRecord.PendingAction.valueOf(pending.toUpperCase(Locale.ROOT))));
          }
        }
        return channels;
      }
    });
  }
}
