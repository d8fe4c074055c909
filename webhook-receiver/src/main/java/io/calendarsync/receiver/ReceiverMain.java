package io.calendarsync.receiver;

import io.calendarsync.receiver.config.LogFormat;
import io.calendarsync.receiver.config.ReceiverCommand;
import io.calendarsync.receiver.config.ReceiverConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** Starts the webhook receiver in a pod (or on a laptop) and stops it cleanly on SIGTERM. */
public final class ReceiverMain {

  private ReceiverMain() {}

  public static void main(String[] args) throws Exception {
    ReceiverCommand command = new ReceiverCommand();
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
    if (command.logFormat() == LogFormat.json) {
      System.setProperty("logback.configurationFile", "logback-json.xml");
    }
    System.setProperty("calendarsync.log.level", command.logLevel());
    Logger log = LoggerFactory.getLogger(ReceiverMain.class);

    ReceiverConfig config;
    try {
      config = command.toConfig(System.getenv());
    } catch (IllegalArgumentException e) {
      log.error("invalid configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }
    WebhookReceiver receiver = WebhookReceiver.start(config, Clock.systemUTC());
    log.info("webhook receiver listening on port {} (webhooks, OAuth callbacks) and {} (health, metrics)",
        receiver.port(), receiver.managementPort());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("stopping: finishing in-flight requests");
      try {
        receiver.close();
      } catch (Exception e) {
        log.warn("unclean stop: {}", e.getMessage());
      }
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
  }
}
