package io.calendarsync.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real kubectl ({@code -Dkubectl.path}, default {@code /usr/bin/kubectl}) with a playground's kubeconfig, as a
 * person runs it from docs/playground.md; its discovery cache is its own, so runs never share cached discovery.
 */
final class KubectlCli {

  private static final Path BINARY = Path.of(System.getProperty("kubectl.path", "/usr/bin/kubectl"));

  record Result(int exitCode, String out, String err) {
    Result ok() {
      assertThat(exitCode).as("kubectl exit code; stdout:%n%s%nstderr:%n%s", out, err).isZero();
      return this;
    }

    /** The cells of the table row whose first cell is {@code name}, if kubectl printed one. */
    Optional<List<String>> row(String name) {
      return out.lines().map(line -> List.of(line.trim().split("\\s+"))).filter(cells -> cells.get(0).equals(name))
          .findFirst();
    }
  }

  private final Path kubeconfig;
  private final Path workDirectory;
  private int runs;

  KubectlCli(Path kubeconfig, Path workDirectory) {
    this.kubeconfig = kubeconfig;
    this.workDirectory = workDirectory;
  }

  synchronized Result run(String... args) {
    int run = ++runs;
    Path out = workDirectory.resolve("kubectl-" + run + ".out");
    Path err = workDirectory.resolve("kubectl-" + run + ".err");
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().remove("KUBECONFIG");
    builder.environment().put("KUBECACHEDIR", workDirectory.resolve("kube-cache").toString());
    builder.environment().put("HOME", workDirectory.toString());
    try {
      Process process = builder.start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not end within 90 s");
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
