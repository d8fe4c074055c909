package io.calendarsync.emulators.embedded;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real redis-server (the binary shipped in codemonstur's embedded-redis) on 127.0.0.1, for tests and the
 * playground. It can be stopped and restarted on the same port to simulate "Redis down, then back".
 *
 * <p>Like a production Redis with snapshots, it keeps its data across {@link #stop()} and {@link #restart()}: a
 * graceful stop writes a snapshot into this server's own directory, which the restart loads. Tests that need an empty
 * Redis start a new server.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

  private static final String HOST = "127.0.0.1";

  private final int port;
  private final Path dataDirectory;
  private RedisServer redis;

  private EmbeddedRedisServer(int port, Path dataDirectory) {
    this.port = port;
    this.dataDirectory = dataDirectory;
  }

  /** Starts a server on a free port. */
  public static EmbeddedRedisServer start() {
    return start(0);
  }

  /** Starts a server on {@code port} (0: a free one). */
  public static EmbeddedRedisServer start(int port) {
    try {
      EmbeddedRedisServer server =
          new EmbeddedRedisServer(port == 0 ? freePort() : port, Files.createTempDirectory("calendar-sync-redis-"));
      server.restart();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server again on the same port with the data it had (stopping it first if it is running). */
  public synchronized void restart() {
    stop();
    try {
      redis = RedisServer.newRedisServer()
          .bind(HOST)
          .port(port)
          .setting("dir " + dataDirectory)
          // Snapshot on a graceful stop only: the save points make redis-server save at shutdown.
          .setting("save 3600 1")
          .setting("appendonly no")
          .build();
      redis.start();
    } catch (IOException e) {
      redis = null;
      throw new UncheckedIOException("redis-server did not start on port " + port, e);
    }
  }

  /** Stops the server gracefully (SIGTERM); the port is free again when this returns. */
  public synchronized void stop() {
    if (redis == null) {
      return;
    }
    try {
      redis.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      redis = null;
    }
  }

  public synchronized boolean isRunning() {
    return redis != null && redis.isActive();
  }

  public int port() {
    return port;
  }

  public String host() {
    return HOST;
  }

  /** The URI Redis clients (Lettuce) take, such as {@code redis://127.0.0.1:6379}. */
  public String uri() {
    return "redis://" + HOST + ":" + port;
  }

  /** Stops the server and deletes its data. */
  @Override
  public synchronized void close() {
    stop();
    try (var files = Files.list(dataDirectory)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
      Files.delete(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dataDirectory, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  @Override
  public String toString() {
    return "EmbeddedRedisServer[" + uri() + (isRunning() ? "" : ", stopped") + "]";
  }
}
