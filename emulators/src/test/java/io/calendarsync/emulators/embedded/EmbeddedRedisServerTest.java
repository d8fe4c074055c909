package io.calendarsync.emulators.embedded;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedRedisServerTest {

  @Test
  void stopsAndRestartsOnTheSamePortKeepingItsData() throws IOException {
    try (EmbeddedRedisServer redis = EmbeddedRedisServer.start()) {
      assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
      assertThat(command(redis, "SET", "greeting", "hello")).isEqualTo("+OK");

      redis.stop();
      assertThat(redis.isRunning()).isFalse();
      assertThatThrownBy(() -> command(redis, "PING")).isInstanceOf(ConnectException.class);

      redis.restart();
      assertThat(command(redis, "PING")).isEqualTo("+PONG");
      assertThat(command(redis, "GET", "greeting")).isEqualTo("$5 hello");
    }
  }

  @Test
  void startsOnTheRequestedPort() throws IOException {
    int port;
    try (EmbeddedRedisServer first = EmbeddedRedisServer.start()) {
      port = first.port();
    }
    try (EmbeddedRedisServer second = EmbeddedRedisServer.start(port)) {
      assertThat(second.port()).isEqualTo(port);
      assertThat(command(second, "PING")).isEqualTo("+PONG");
    }
  }

  /** Sends one command in RESP and returns the reply's first line, plus the bulk string's value if there is one. */
  private static String command(EmbeddedRedisServer redis, String... words) throws IOException {
    try (Socket socket = new Socket(redis.host(), redis.port())) {
      StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
      for (String word : words) {
        request.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String reply = in.readLine();
      return reply.startsWith("$") && !reply.equals("$-1") ? reply + " " + in.readLine() : reply;
    }
  }
}
