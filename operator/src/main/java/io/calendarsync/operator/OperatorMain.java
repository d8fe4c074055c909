package io.calendarsync.operator;

import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.operator.config.EngineSettings;
import io.calendarsync.operator.config.OperatorCommand;
import io.calendarsync.operator.config.OperatorConfig;
import io.calendarsync.operator.runtime.CalendarSyncOperator;
import io.calendarsync.operator.runtime.SyncEngineAssembly;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** Starts the operator in a pod (or against the kubeconfig of whoever runs it) and stops it cleanly on SIGTERM. */
public final class OperatorMain {

  private OperatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    OperatorCommand command = new OperatorCommand();
    CommandLine commandLine = new CommandLine(command);
    CommandLine.ParseResult parsed;
    try {
      parsed = commandLine.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      System.err.println(e.getMessage());
      commandLine.usage(System.err);
      System.exit(2);
      return;
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return;
    }
    // Chosen before the first logger exists: logback reads its configuration once.
    if (command.logFormat() == OperatorCommand.LogFormat.json) {
      System.setProperty("logback.configurationFile", "logback-json.xml");
    }
    System.setProperty("calendarsync.log.level", command.logLevel());
    var log = LoggerFactory.getLogger(OperatorMain.class);

    OperatorConfig config;
    EngineSettings engineSettings;
    EncryptionKey encryptionKey;
    try {
      config = command.toConfig();
      engineSettings = command.toEngineSettings();
      // Its messages name the variable and never a character of the key.
      encryptionKey = EncryptionKey.fromEnvironment();
    } catch (IllegalArgumentException e) {
      log.error("invalid configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }
    Clock clock = Clock.systemUTC();
    KubernetesClient client = new KubernetesClientBuilder().build();
    SyncEngineAssembly engine = SyncEngineAssembly.start(engineSettings, encryptionKey, client, clock);
    CalendarSyncOperator operator = CalendarSyncOperator.start(config, client, engine.engine(), clock, () -> {
      log.error("lost the leader Lease while running; exiting so the pod restarts as a standby");
      System.exit(1);
    });
    engine.connect(operator);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("stopping: finishing in-flight reconciles");
      operator.close();
      engine.close();
      client.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
  }
}
