package io.calendarsync.operator.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;

/** Every failure of the store, classified so the engine can tell an outage from a row the database refused. */
public final class StoreException extends RuntimeException {

  /** What went wrong, as far as the engine needs to know. */
  public enum Kind {
    /** The database could not be reached or is shutting down: report StoreUnavailable and retry later. */
    UNAVAILABLE,
    /** The database refused the data (a constraint or an invalid value): retrying the same write will not help. */
    REJECTED,
    /** Anything else, such as a serialization failure or a deadlock. */
    FAILED
  }

  private final Kind kind;

  private StoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind);
  }

  /** Wraps {@code cause}, classified by the first {@link SQLException} in its chain. */
  static StoreException of(String action, Throwable cause) {
    return new StoreException(classify(cause), "could not " + action + ": " + cause.getMessage(), cause);
  }

  public Kind kind() {
    return kind;
  }

  private static Kind classify(Throwable failure) {
    SQLException e = null;
    for (Throwable cause = failure; cause != null && e == null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        e = sql;
      }
    }
    if (e == null) {
      return Kind.FAILED;
    }
    if (e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLRecoverableException) {
      return Kind.UNAVAILABLE;
    }
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    // 08 connection exception, 53 insufficient resources, 57P operator intervention (shutdown, restart), 58 system.
    if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.startsWith("58")) {
      return Kind.UNAVAILABLE;
    }
    // 22 data exception (such as an unknown time zone), 23 integrity constraint violation.
    if (state.startsWith("22") || state.startsWith("23")) {
      return Kind.REJECTED;
    }
    return Kind.FAILED;
  }
}
