package io.calendarsync.operator.store;

import io.calendarsync.emulators.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChangeNotificationListenerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @Test
  void hearsEveryCommittedChangeAndNothingThatRolledBack() throws SQLException {
    try (TestDatabase database = TestDatabase.migrated();
         RecordingHandler handler = new RecordingHandler(database)) {
      handler.awaitListening(1);

      try (Connection connection = database.connect(); Connection other = database.connect()) {
        connection.setAutoCommit(false);
        insertEntry(connection, "rolled-back");
        connection.rollback();
        insertEntry(connection, "committed");
        // A change committed meanwhile by someone else is heard; the open transaction's is not, until it commits.
        insertEntry(other, "meanwhile");
        await().atMost(PATIENCE).until(() -> handler.changed.contains(new EntryKey("acme", "meanwhile")));
        assertThat(handler.changed).as("nothing before the commit").containsExactly(new EntryKey("acme", "meanwhile"));
        connection.commit();
      }

      await().atMost(PATIENCE).until(() -> handler.changed.size() == 2);
      assertThat(handler.changed).containsExactly(new EntryKey("acme", "meanwhile"), new EntryKey("acme", "committed"));
    }
  }

  @Test
  void listensAgainAfterTheDatabaseRestartsAndSaysSo() throws SQLException {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
         TestDatabase database = TestDatabase.migrated(server);
         RecordingHandler handler = new RecordingHandler(database)) {
      handler.awaitListening(1);

      server.stop();
      await().atMost(PATIENCE).until(() -> !handler.listener.isListening());
      server.restart();

      handler.awaitListening(2);
      try (Connection connection = database.connect()) {
        insertEntry(connection, "after-restart");
      }
      await().atMost(PATIENCE).until(() -> handler.changed.contains(new EntryKey("acme", "after-restart")));
    }
  }

  @Test
  void namesTheUsersWhoHadTheEntryBeforeAndAfterSoAnUnassignedUsersProviderIsWoken() throws SQLException {
    try (TestDatabase database = TestDatabase.migrated();
         RecordingHandler handler = new RecordingHandler(database)) {
      handler.awaitListening(1);
      try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, start_date, end_date, assignees)"
            + " VALUES ('acme', 'handover', '2026-03-02', '2026-03-03', '{alice}')");
        await().atMost(PATIENCE).until(() -> handler.usersByEntry.containsKey(new EntryKey("acme", "handover")));
        assertThat(handler.usersByEntry.get(new EntryKey("acme", "handover"))).containsExactly("alice");
        handler.usersByEntry.clear();
        statement.execute("UPDATE calendar_sync.schedule_entries SET assignees = '{bob}' WHERE entry_id = 'handover'");
      }
      await().atMost(PATIENCE).until(() -> handler.usersByEntry.containsKey(new EntryKey("acme", "handover")));
      assertThat(handler.usersByEntry.get(new EntryKey("acme", "handover"))).containsExactlyInAnyOrder("alice", "bob");
    }
  }

  @Test
  void namesTheOriginSoTheProviderThatMadeTheChangeIsNotWokenByIt() throws SQLException {
    try (TestDatabase database = TestDatabase.migrated();
         RecordingHandler handler = new RecordingHandler(database)) {
      handler.awaitListening(1);
      try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
        insertEntry(connection, "from-the-platform");
        connection.setAutoCommit(false);
        statement.execute("SELECT set_config('calendar_sync.origin', 'provider:acme/alice-google', true)");
        insertEntry(connection, "from-alices-calendar");
        connection.commit();
      }
      await().atMost(PATIENCE).until(() -> handler.originByEntry.size() == 2);
      assertThat(handler.originByEntry).containsEntry(new EntryKey("acme", "from-the-platform"), ChangeOrigin.PLATFORM)
          .containsEntry(new EntryKey("acme", "from-alices-calendar"),
              ChangeOrigin.provider(new ProviderKey("acme", "alice-google")));
    }
  }

  private static void insertEntry(Connection connection, String entryId) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, start_date, end_date)"
          + " VALUES ('acme', '" + entryId + "', '2026-03-02', '2026-03-03')");
    }
  }

  /** Starts a listener and records what it hears. */
  private static final class RecordingHandler implements ChangeNotificationHandler, AutoCloseable {
    final List<EntryKey> changed = new CopyOnWriteArrayList<>();
    final Map<EntryKey, Set<String>> usersByEntry = new ConcurrentHashMap<>();
    final Map<EntryKey, ChangeOrigin> originByEntry = new ConcurrentHashMap<>();
    final AtomicInteger listeningCalls = new AtomicInteger();
    final ChangeNotificationListener listener;

    RecordingHandler(TestDatabase database) {
      listener = new ChangeNotificationListener(database.settings(), this);
      listener.start();
    }

    @Override
    public void entryChanged(EntryKey entry, Set<String> users, ChangeOrigin origin) {
      changed.add(entry);
      usersByEntry.put(entry, users);
      originByEntry.put(entry, origin);
    }

    @Override
    public void listening() {
      listeningCalls.incrementAndGet();
    }

    void awaitListening(int times) {
      await().atMost(PATIENCE).until(() -> listeningCalls.get() >= times && listener.isListening());
    }

    @Override
    public void close() {
      listener.close();
    }
  }
}
