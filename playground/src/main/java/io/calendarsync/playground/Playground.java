package io.calendarsync.playground;

import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.embedded.EmbeddedPostgresServer;
import io.calendarsync.emulators.embedded.EmbeddedRedisServer;
import io.calendarsync.emulators.google.GoogleCalendarEmulator;
import io.calendarsync.emulators.microsoft.GraphEmulator;
import io.calendarsync.operator.config.EngineSettings;
import io.calendarsync.operator.config.OperatorConfig;
import io.calendarsync.operator.config.VendorEndpoints;
import io.calendarsync.operator.runtime.CalendarSyncOperator;
import io.calendarsync.operator.runtime.SyncEngineAssembly;
import io.calendarsync.operator.store.StoreConnectionSettings;
import io.calendarsync.playground.kube.PlaygroundApiServer;
import io.calendarsync.receiver.WebhookReceiver;
import io.calendarsync.receiver.config.ReceiverConfig;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole system on one machine: the embedded Kubernetes API server with the CRDs, PostgreSQL, Redis, the Google and
 * Microsoft emulators and the operator wired as {@code OperatorMain} wires it, with the examples applied. Everything
 * is fresh on each start; {@link #close()} stops the pieces in the reverse order of their start.
 */
public final class Playground implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Playground.class);

  /** Generous, so the tour never waits on the request budget; the emulators have no quota. */
  private static final double VENDOR_REQUESTS_PER_SECOND = 50;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private PlaygroundInfo info;
  private Path infoFile;

  private Playground() {}

  /** Starts every piece (on failure, stops those already started) and writes the info file last. */
  public static Playground start(PlaygroundSettings settings) {
    Playground playground = new Playground();
    try {
      playground.startAll(settings);
    } catch (RuntimeException | Error e) {
      playground.close();
      throw e;
    }
    return playground;
  }

  private void startAll(PlaygroundSettings settings) {
    Path state = settings.stateDirectory().toAbsolutePath();
    Path postgresData = emptyDirectory(state.resolve("postgres"));

    PlaygroundApiServer api = started(PlaygroundApiServer.start(settings.kubernetesPort(), settings.crdDirectory()));
    Path kubeconfig = api.writeKubeconfig(state.resolve("kubeconfig"));
    EmbeddedPostgresServer postgres = started(EmbeddedPostgresServer.start(settings.postgresPort(), postgresData));
    EmbeddedRedisServer redis = started(EmbeddedRedisServer.start(settings.redisPort()));
    GoogleCalendarEmulator google = started(GoogleCalendarEmulator.start(settings.googlePort(), MutableClock.system()));
    GraphEmulator microsoft = started(GraphEmulator.start(settings.microsoftPort(), MutableClock.system()));
    // Made up for this run (nothing encrypted outlives the playground), shared by receiver and operator as the
    // chart's generated Secret would be.
    EncryptionKey encryptionKey = newEncryptionKey();
    WebhookReceiver receiver = started(startReceiver(settings, redis.uri(), encryptionKey));

    // Its own client, as in a pod, so the operator's watches are independent of the one that applies the examples.
    KubernetesClient operatorClient = started(api.newClient());
    SyncEngineAssembly engine = started(SyncEngineAssembly.start(new EngineSettings(
        new StoreConnectionSettings(postgres.jdbcUrl(), postgres.user(), postgres.password()), redis.uri(),
        VendorEndpoints.emulated(google.baseUrl(), microsoft.baseUrl()), VENDOR_REQUESTS_PER_SECOND,
        Optional.of(receiverUrl(receiver.port()))),
        encryptionKey, operatorClient, Clock.systemUTC()));
    CalendarSyncOperator operator = started(CalendarSyncOperator.start(
        OperatorConfig.defaults().withHttpPort(settings.operatorPort()), operatorClient, engine.engine(),
        Clock.systemUTC()));
    engine.connect(operator);

    applyExamples(settings.examplesDirectory(), api.client(), new VendorAccounts(google, microsoft));

    info = new PlaygroundInfo(kubeconfig, api.url(), postgres.jdbcUrl(), postgres.user(), postgres.password(),
        redis.uri(), google.baseUrl(), microsoft.baseUrl(), "http://127.0.0.1:" + operator.managementPort(),
        receiverUrl(receiver.port()).toString(), "http://127.0.0.1:" + receiver.managementPort());
    infoFile = info.writeTo(state.resolve("playground.json"));
    // The file says "running": it goes first on stop, so a script never reads addresses of a stopped playground.
    started.push(() -> Files.deleteIfExists(infoFile));
    LOG.info("playground started: {}", info);
  }

  private static EncryptionKey newEncryptionKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return EncryptionKey.fromBase64(Base64.getEncoder().encodeToString(key));
  }

  /** The receiver as its own Deployment would run it; the vendors' emulators deliver pushes to it over loopback. */
  private static WebhookReceiver startReceiver(PlaygroundSettings settings, String redisUri,
      EncryptionKey encryptionKey) {
    try {
      return WebhookReceiver.start(new ReceiverConfig(redisUri, encryptionKey, settings.receiverPort(),
          settings.receiverManagementPort(),
          settings.receiverPort() == 0 ? null : receiverUrl(settings.receiverPort()),
          ReceiverConfig.DEFAULT_REDIS_TIMEOUT), Clock.systemUTC());
    } catch (Exception e) {
      throw new IllegalStateException("the webhook receiver did not start: " + e.getMessage(), e);
    }
  }

  private static URI receiverUrl(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Each provider's Secret gets a refresh token the emulator issued for the provider's user. */
  private static void applyExamples(Path directory, KubernetesClient client, VendorAccounts accounts) {
    ExampleManifests examples = ExampleManifests.read(directory, client);
    for (CalendarProvider provider : examples.providers()) {
      Secret credentials = examples.credentials(provider);
      ExampleManifests.setRefreshToken(credentials, accounts.grant(provider.getSpec().getVendor(),
          provider.getSpec().getUserId(), ExampleManifests.value(credentials, "client-id"),
          ExampleManifests.value(credentials, "client-secret")));
    }
    examples.apply(client);
  }

  public PlaygroundInfo info() {
    return info;
  }

  /** The JSON twin of {@link #info()}. */
  public Path infoFile() {
    return infoFile;
  }

  private <T extends AutoCloseable> T started(T piece) {
    started.push(piece);
    return piece;
  }

  /** Stops everything in reverse order; a piece that fails to stop is logged and the others still stop. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable piece = started.pop();
      try {
        piece.close();
      } catch (Exception e) {
        LOG.warn("could not stop {} cleanly: {}", piece, e.toString());
      }
    }
  }

  /** PostgreSQL keeps its data in the state directory; a fresh start begins from an empty one. */
  private static Path emptyDirectory(Path directory) {
    try {
      if (Files.exists(directory)) {
        try (Stream<Path> paths = Files.walk(directory)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty " + directory, e);
    }
  }
}
