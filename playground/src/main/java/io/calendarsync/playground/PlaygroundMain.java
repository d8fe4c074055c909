package io.calendarsync.playground;

import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar calendar-sync-playground.jar}: starts the {@link Playground}, prints how to reach it, and runs until
 * Ctrl-C or SIGTERM, then stops everything and exits 0.
 */
@Command(name = "calendar-sync-playground", mixinStandardHelpOptions = true, sortOptions = false,
    description = "The whole Calendar Sync system on this machine: Kubernetes API, PostgreSQL, Redis, Google and "
        + "Outlook emulators, the operator, and the examples applied. Run from the repository root.")
public final class PlaygroundMain implements Callable<Integer> {

  @Option(names = "--state-dir", defaultValue = ".playground",
      description = "kubeconfig, info file, log and database files; the data is new on each start (default: ${DEFAULT-VALUE})")
  Path stateDirectory;

  @Option(names = "--crds", defaultValue = "crds", description = "CRD directory (default: ${DEFAULT-VALUE})")
  Path crdDirectory;

  @Option(names = "--examples", defaultValue = "examples",
      description = "examples directory with its kustomization.yaml (default: ${DEFAULT-VALUE})")
  Path examplesDirectory;

  @Option(names = "--kubernetes-port", defaultValue = "" + PlaygroundSettings.KUBERNETES_PORT,
      description = "Kubernetes API server (default: ${DEFAULT-VALUE})")
  int kubernetesPort;

  @Option(names = "--postgres-port", defaultValue = "" + PlaygroundSettings.POSTGRES_PORT,
      description = "PostgreSQL (default: ${DEFAULT-VALUE})")
  int postgresPort;

  @Option(names = "--redis-port", defaultValue = "" + PlaygroundSettings.REDIS_PORT,
      description = "Redis (default: ${DEFAULT-VALUE})")
  int redisPort;

  @Option(names = "--google-port", defaultValue = "" + PlaygroundSettings.GOOGLE_PORT,
      description = "Google Calendar emulator (default: ${DEFAULT-VALUE})")
  int googlePort;

  @Option(names = "--microsoft-port", defaultValue = "" + PlaygroundSettings.MICROSOFT_PORT,
      description = "Microsoft Graph emulator (default: ${DEFAULT-VALUE})")
  int microsoftPort;

  @Option(names = "--operator-port", defaultValue = "" + PlaygroundSettings.OPERATOR_PORT,
      description = "operator metrics and health (default: ${DEFAULT-VALUE})")
  int operatorPort;

  @Option(names = "--receiver-port", defaultValue = "" + PlaygroundSettings.RECEIVER_PORT,
      description = "webhook receiver: push notifications and OAuth callbacks (default: ${DEFAULT-VALUE})")
  int receiverPort;

  @Option(names = "--receiver-management-port", defaultValue = "" + PlaygroundSettings.RECEIVER_MANAGEMENT_PORT,
      description = "webhook receiver metrics and health (default: ${DEFAULT-VALUE})")
  int receiverManagementPort;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PlaygroundMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    Path state = stateDirectory.toAbsolutePath();
    Path log = state.resolve("playground.log");
    // Set before the first logger exists (logback reads its configuration once): the console stays for these lines.
    System.setProperty("logback.configurationFile", "logback-playground.xml");
    System.setProperty("playground.log.file", log.toString());
    // Initialised here, in one thread, not by the first of the pieces' threads that logs while another one does.
    LoggerFactory.getILoggerFactory();

    // Signals instead of a shutdown hook: the hooks of the embedded servers would run alongside ours and could stop
    // PostgreSQL under the running operator; here the stop is ordered, and the exit code is 0 rather than 143.
    CountDownLatch stop = new CountDownLatch(1);
    Signal.handle(new Signal("TERM"), signal -> stop.countDown());
    Signal.handle(new Signal("INT"), signal -> stop.countDown());

    System.out.println("Starting the Calendar Sync playground (log: " + log + ") ...");
    Playground playground;
    try {
      playground = Playground.start(new PlaygroundSettings(state, crdDirectory, examplesDirectory, kubernetesPort,
          postgresPort, redisPort, googlePort, microsoftPort, operatorPort, receiverPort, receiverManagementPort));
    } catch (RuntimeException | Error e) {
      LoggerFactory.getLogger(PlaygroundMain.class).error("the playground did not start", e);
      System.err.println("The playground did not start: " + e + "\nDetails in " + log);
      return 1;
    }
    try (playground) {
      System.out.println();
      playground.info().lines().forEach(line -> System.out.println("  " + line));
      System.out.println();
      System.out.println("The same as JSON: " + playground.infoFile());
      System.out.println("Guided tour: docs/playground.md. Ctrl-C stops everything (all data is discarded).");
      stop.await();
      System.out.println("Stopping the playground ...");
    }
    System.out.println("Stopped.");
    return 0;
  }
}
