package io.calendarsync.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calendarsync.playground.kube.Kubectl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's start command, run as a person runs it: the packaged jar from the repository root, here with a state
 * directory and ports of its own. It must come up with both example providers, stop on SIGTERM with exit code 0, and
 * come up again from the same state directory.
 */
class PlaygroundJarIT {

  private static final Path JAR = Path.of(System.getProperty("playground.jar", "target/calendar-sync-playground.jar"));
  private static final Path REPOSITORY_ROOT = Path.of(System.getProperty("repository.root", ".."));

  @TempDir
  Path work;

  @Test
  void startsWithBothProvidersStopsOnSigtermAndStartsAgain() throws Exception {
    Path state = work.resolve("state");
    List<String> command = command(state, freePorts(8));

    runOnce(command, state, 1);
    runOnce(command, state, 2);
  }

  private void runOnce(List<String> command, Path state, int run) throws Exception {
    Path output = work.resolve("run-" + run + ".out");
    Process process = new ProcessBuilder(command).directory(REPOSITORY_ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    try {
      Path infoFile = state.resolve("playground.json");
      await("the info file of run " + run).atMost(Duration.ofMinutes(2))
          .failFast("the playground exited; its output:\n" + Files.readString(output), () -> !process.isAlive())
          .until(() -> Files.exists(infoFile));
      JsonNode info = new ObjectMapper().readTree(infoFile.toFile());
      assertThat(info.fieldNames()).toIterable()
          .contains("kubeconfig", "jdbcUrl", "redisUri", "googleUrl", "microsoftUrl", "operatorUrl", "receiverUrl");
      HttpResponse<String> receiverReady = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(info.path("receiverManagementUrl").asText() + "/readyz")).build(), BodyHandlers.ofString());
      assertThat(receiverReady.statusCode()).as("the receiver is up and reaches Redis").isEqualTo(200);

      Kubectl kubectl = new Kubectl(Path.of(info.path("kubeconfig").asText()),
          Files.createDirectories(work.resolve("kubectl-" + run)));
      Kubectl.Result providers = kubectl.run("get", "calendarproviders", "-A").ok();
      assertThat(providers.out()).contains("alice-google", "bob-outlook");

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
      assertThat(process.exitValue()).as("exit code; output:%n%s", Files.readString(output)).isZero();
      assertThat(infoFile).as("the info file goes with the playground").doesNotExist();
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static List<String> command(Path state, List<Integer> ports) {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        JAR.toAbsolutePath().toString(), "--state-dir", state.toString(),
        "--kubernetes-port", ports.get(0).toString(), "--postgres-port", ports.get(1).toString(),
        "--redis-port", ports.get(2).toString(), "--google-port", ports.get(3).toString(),
        "--microsoft-port", ports.get(4).toString(), "--operator-port", ports.get(5).toString(),
        "--receiver-port", ports.get(6).toString(), "--receiver-management-port", ports.get(7).toString());
  }

  /** Distinct free ports: all sockets are held open until every port is chosen. */
  private static List<Integer> freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // the port is free either way
        }
      }
    }
  }
}
