package io.calendarsync.playground.kube;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real kubectl binary ({@code -Dkubectl.path}, default {@code /usr/bin/kubectl}) against a kubeconfig, with
 * its own discovery cache directory so runs never see each other's cached discovery or OpenAPI.
 */
public final class Kubectl {

  static final Path BINARY = Path.of(System.getProperty("kubectl.path", "/usr/bin/kubectl"));

  public record Result(int exitCode, String out, String err) {
    public Result ok() {
      assertThat(exitCode).as("kubectl exit code; stdout:%n%s%nstderr:%n%s", out, err).isZero();
      return this;
    }

    Result failed() {
      assertThat(exitCode).as("kubectl exit code; stdout:%n%s", out).isNotZero();
      return this;
    }

    /** The cells of the table row whose first cell is {@code name}, if kubectl printed one. */
    public Optional<List<String>> row(String name) {
      return out.lines().map(line -> List.of(line.trim().split("\\s+"))).filter(cells -> cells.get(0).equals(name))
          .findFirst();
    }

    /** stdout lines with runs of blanks collapsed, which is how table output is compared. */
    List<String> lines() {
      return out.lines().map(l -> l.trim().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty()).toList();
    }
  }

  /** A kubectl that runs in the background, e.g. {@code get -w}; its output goes to a file. */
  static final class Background implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    Background(Process process, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.err = err;
    }

    String out() {
      return read(out);
    }

    String err() {
      return read(err);
    }

    /** Waits for it to end by itself. */
    Result await(long seconds) {
      try {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("kubectl did not end within " + seconds + "s; stdout:\n" + out() + "\nstderr:\n"
              + err());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      return new Result(process.exitValue(), out(), err());
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final Path kubeconfig;
  private final Path workDir;
  private int runs;

  public Kubectl(Path kubeconfig, Path workDir) {
    this.kubeconfig = kubeconfig;
    this.workDir = workDir;
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException("kubectl not found at " + BINARY + " (set -Dkubectl.path)");
    }
  }

  public Result run(String... args) {
    return runWithInput(null, args);
  }

  /** Runs with the given text on stdin (for {@code apply -f -}). */
  Result runWithInput(String stdin, String... args) {
    try (Background background = start(stdin, args)) {
      return background.await(60);
    }
  }

  Background start(String... args) {
    return start(null, args);
  }

  private synchronized Background start(String stdin, String... args) {
    int run = ++runs;
    Path out = workDir.resolve("kubectl-" + run + ".out");
    Path err = workDir.resolve("kubectl-" + run + ".err");
    List<String> command = new ArrayList<>();
    command.add(BINARY.toString());
    command.add("--kubeconfig");
    command.add(kubeconfig.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().remove("KUBECONFIG");
    builder.environment().put("KUBECACHEDIR", workDir.resolve("cache").toString());
    builder.environment().put("HOME", workDir.toString());
    try {
      if (stdin == null) {
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return new Background(builder.start(), out, err);
      }
      Path in = workDir.resolve("kubectl-" + run + ".in");
      Files.writeString(in, stdin, StandardCharsets.UTF_8);
      builder.redirectInput(in.toFile());
      return new Background(builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
