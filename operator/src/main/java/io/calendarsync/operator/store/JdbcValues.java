package io.calendarsync.operator.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Conversions between the store's Java types and PostgreSQL's, in one place. */
final class JdbcValues {

  private JdbcValues() {
  }

  static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
    statement.setObject(index, value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC),
        Types.TIMESTAMP_WITH_TIMEZONE);
  }

  static Instant getInstant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
    statement.setObject(index, value, Types.DATE);
  }

  static LocalDate getDate(ResultSet row, String column) throws SQLException {
    return row.getObject(column, LocalDate.class);
  }

  static void setTextArray(PreparedStatement statement, int index, List<String> values) throws SQLException {
    Connection connection = statement.getConnection();
    Array array = connection.createArrayOf("text", values.toArray());
    statement.setArray(index, array);
  }

  static List<String> getTextList(ResultSet row, String column) throws SQLException {
    Array array = row.getArray(column);
    return List.of((String[]) array.getArray());
  }

  static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
    statement.setObject(index, value, Types.BIGINT);
  }

  static Long getNullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }
}
