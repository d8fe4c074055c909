package io.calendarsync.emulators.embedded;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (zonky's binaries) for tests and the playground, which can be stopped and restarted on the
 * same port and data directory to simulate an outage.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root, zonky starts initdb, pg_ctl and postgres through
 * {@code unshare -U}: in a fresh user namespace the process has no mapped uid, so PostgreSQL sees itself (and its data
 * directory, owned by root outside) as the overflow user and starts, while the kernel still checks file access as root.
 * Nothing needs installing: {@code unshare} is part of util-linux. Where user namespaces are forbidden (some container
 * runtimes) {@link #start} fails with a message saying so instead of initdb's "cannot be run as root".
 *
 * <p>Authentication is {@code trust}: any password is accepted; {@link #password()} returns a fixed one so that code
 * paths which pass a password are exercised. Durability settings are off ({@code fsync}, {@code synchronous_commit}):
 * a clean stop keeps the data, a machine crash may not.
 *
 * <pre>{@code
 * // A test class: a database of its own on the JVM's shared server.
 * String jdbcUrl = EmbeddedPostgresServer.shared().createDatabase();
 * // A test that restarts the database, or the playground: a server of its own.
 * try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(5432, Path.of(".playground/postgres"))) { ... }
 * }</pre>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final String USER = "postgres";
  private static final String PASSWORD = "postgres";
  private static final String DEFAULT_DATABASE = "postgres";
  private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

  private static EmbeddedPostgresServer shared;

  private final Path dataDirectory;
  private final boolean ownsDataDirectory;
  private int port;
  private EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(int port, Path dataDirectory, boolean ownsDataDirectory) {
    this.port = port;
    this.dataDirectory = dataDirectory;
    this.ownsDataDirectory = ownsDataDirectory;
  }

  /** Starts a server on a free port with a temporary data directory, deleted by {@link #close()}. */
  public static EmbeddedPostgresServer start() {
    try {
      return start(0, Files.createTempDirectory("calendar-sync-postgres-"), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a server on {@code port} (0: a free one) with its data in {@code dataDirectory}, initialised when empty and
   * kept by {@link #close()}.
   */
  public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
    return start(port, dataDirectory, false);
  }

  private static EmbeddedPostgresServer start(int port, Path dataDirectory, boolean ownsDataDirectory) {
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(port, dataDirectory.toAbsolutePath(), ownsDataDirectory);
    server.restart();
    // Registered once per server rather than by zonky once per restart, so a server a test forgot to close is still
    // stopped, and its temporary directory deleted, when the JVM exits.
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-close"));
    return server;
  }

  /**
   * One server for the whole JVM, started on first use and stopped when the JVM exits. Test classes share it to pay
   * for initdb once; each takes its own database with {@link #createDatabase()}. Never stop or restart it: start a
   * server of your own for that.
   */
  public static synchronized EmbeddedPostgresServer shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  /** Starts the server again on the same port and data directory (stopping it first if it is running). */
  public synchronized void restart() {
    stop();
    requireUsableUser();
    try {
      postgres = EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .setServerConfig("fsync", "off")
          .setServerConfig("full_page_writes", "off")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
    }
    port = postgres.getPort();
  }

  /** Stops the server (fast shutdown: open connections are closed); the data directory stays. */
  public synchronized void stop() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      postgres = null;
    }
  }

  public synchronized boolean isRunning() {
    return postgres != null;
  }

  /** JDBC URL of the default {@code postgres} database; without credentials, see {@link #user()}. */
  public String jdbcUrl() {
    return jdbcUrl(DEFAULT_DATABASE);
  }

  public synchronized String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  public synchronized int port() {
    return port;
  }

  /** Creates an empty database with a fresh name and returns its JDBC URL. */
  public String createDatabase() {
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASE_COUNTER.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return jdbcUrl(name);
  }

  /** Stops the server and deletes its data directory when {@link #start()} created it. */
  @Override
  public synchronized void close() {
    stop();
    if (ownsDataDirectory) {
      deleteRecursively(dataDirectory);
    }
  }

  private static void requireUsableUser() {
    if (new UnixSystem().getUid() == 0 && !LinuxUtils.isUnshareAvailable()) {
      throw new IllegalStateException("PostgreSQL refuses to run as root and this machine does not allow a user "
          + "namespace ('unshare -U id -u' failed): run the tests as a non-root user, or allow user namespaces");
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + directory, e);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedPostgresServer[" + jdbcUrl() + ", data " + dataDirectory + (isRunning() ? "" : ", stopped") + "]";
  }
}
