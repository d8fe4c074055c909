package io.calendarsync.operator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Wakes the operator when the platform changes a schedule entry: LISTENs on the channel the change log trigger
 * NOTIFYs, on a connection of its own (LISTEN belongs to a session, which a pool would hand to others), and calls the
 * handler for each notification. When the connection fails (the database restarted, the network dropped) it
 * reconnects until {@link #close()}.
 *
 * <p>Notifications only shorten the wait: the change log is the truth, and after every (re)connect the handler is told
 * to read it.
 */
public final class ChangeNotificationListener implements AutoCloseable {

  /**
   * The channel the trigger notifies; payload {@code {"tenant": ..., "entryId": ..., "origin": ..., "users": [...]}}
   * (the origin is absent from notifications sent before migration V5).
   */
  public static final String CHANNEL = "calendar_sync_schedule_changes";

  private static final Logger LOG = LoggerFactory.getLogger(ChangeNotificationListener.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  /** A dead peer that sent nothing (no FIN, no error) is only noticed by talking to it. */
  private static final Duration LIVENESS_CHECK_INTERVAL = Duration.ofSeconds(10);
  private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

  private final StoreConnectionSettings settings;
  private final ChangeNotificationHandler handler;
  private final Thread thread;
  private final Object stopSignal = new Object();
  private volatile boolean running;
  private volatile boolean listening;

  public ChangeNotificationListener(StoreConnectionSettings settings, ChangeNotificationHandler handler) {
    this.settings = settings;
    this.handler = handler;
    this.thread = new Thread(this::run, "calendar-sync-change-listener");
    this.thread.setDaemon(true);
  }

  /** Starts listening in the background; returns at once. */
  public void start() {
    running = true;
    thread.start();
  }

  /** True while connected and listening. */
  public boolean isListening() {
    return listening;
  }

  /** Stops listening and waits for the listener's thread to end. */
  @Override
  public void close() {
    running = false;
    synchronized (stopSignal) {
      stopSignal.notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    boolean failedBefore = false;
    while (running) {
      try (Connection connection = settings.connect()) {
        listen(connection);
        if (failedBefore) {
          LOG.info("Listening for schedule changes again");
        }
        failedBefore = false;
        receive(connection);
      } catch (SQLException e) {
        if (running && !failedBefore) {
          LOG.warn("Not listening for schedule changes, retrying every {}: {}", RECONNECT_DELAY, e.getMessage());
        }
        failedBefore = true;
      } finally {
        listening = false;
      }
      pause(RECONNECT_DELAY);
    }
  }

  private void listen(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + CHANNEL);
    }
    listening = true;
    try {
      handler.listening();
    } catch (RuntimeException e) {
      LOG.error("The schedule change handler failed", e);
    }
  }

  private void receive(Connection connection) throws SQLException {
    PGConnection postgres = connection.unwrap(PGConnection.class);
    long lastHeard = System.nanoTime();
    while (running) {
      PGNotification[] notifications = postgres.getNotifications((int) POLL_TIMEOUT.toMillis());
      if (notifications != null && notifications.length > 0) {
        lastHeard = System.nanoTime();
        for (PGNotification notification : notifications) {
          dispatch(notification.getParameter());
        }
      } else if (System.nanoTime() - lastHeard > LIVENESS_CHECK_INTERVAL.toNanos()) {
        if (!connection.isValid((int) LIVENESS_CHECK_INTERVAL.toSeconds())) {
          throw new SQLException("the listening connection stopped answering");
        }
        lastHeard = System.nanoTime();
      }
    }
  }

  private void dispatch(String payload) {
    try {
      JsonNode change = JSON.readTree(payload);
      Set<String> users = new HashSet<>();
      change.path("users").forEach(user -> users.add(user.asText()));
      handler.entryChanged(new EntryKey(change.path("tenant").asText(), change.path("entryId").asText()), users,
          new ChangeOrigin(change.path("origin").asText(ChangeOrigin.PLATFORM.value())));
    } catch (Exception e) {
      // One bad payload or handler failure must not stop the notifications for everyone else.
      LOG.error("Could not handle schedule change notification {}", payload, e);
    }
  }

  private void pause(Duration delay) {
    synchronized (stopSignal) {
      if (running) {
        try {
          stopSignal.wait(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
  }
}
