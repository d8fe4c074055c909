package io.calendarsync.playground;

import com.fasterxml.jackson.databind.JsonNode;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.playground.kube.Kubectl;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The guided tour of docs/playground.md on a playground started on free ports, walked only through what a person
 * has: the Kubernetes API (kubectl and a fabric8 client from the written kubeconfig), SQL, and the emulators' admin
 * HTTP API. The steps run in the tour's order: the last ones suspend and delete the example providers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundTourTest {

  private static final String NAMESPACE = "acme";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir
  static Path work;

  private static Playground playground;
  private static PlaygroundInfo info;
  private static Kubectl kubectl;
  private static KubernetesClient kubernetes;
  private static EmulatorAdminApi aliceGoogle;
  private static EmulatorAdminApi bobOutlook;

  @BeforeAll
  static void start() throws Exception {
    playground = Playground.start(PlaygroundSettings.onFreePorts(work.resolve("state"),
        Path.of(System.getProperty("crds.dir", "../crds")), Path.of(System.getProperty("examples.dir", "../examples"))));
    info = playground.info();
    kubectl = new Kubectl(info.kubeconfig(), Files.createDirectories(work.resolve("kubectl")));
    kubernetes = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(info.kubeconfig()))).build();
    aliceGoogle = new EmulatorAdminApi(info.googleUrl(), "alice@example.com", "primary");
    bobOutlook = new EmulatorAdminApi(info.microsoftUrl(), "bob@example.com", "calendar");
  }

  @AfterAll
  static void stop() {
    if (kubernetes != null) {
      kubernetes.close();
    }
    if (playground != null) {
      playground.close();
    }
  }

  @Test
  @Order(1)
  void theExampleProvidersBecomeReady() {
    kubectl.run("wait", "calendarprovider", "--all", "-n", NAMESPACE, "--for=condition=Ready", "--timeout=60s").ok();

    assertThat(kubernetes.resources(CalendarProvider.class).inNamespace(NAMESPACE).list().getItems())
        .extracting(p -> p.getMetadata().getName()).containsExactlyInAnyOrder("alice-google", "bob-outlook");
    Kubectl.Result table = kubectl.run("get", "calendarproviders", "-n", NAMESPACE).ok();
    assertThat(table.out().lines().findFirst()).hasValueSatisfying(header -> assertThat(header.split("\\s+"))
        .containsSubsequence("NAME", "VENDOR", "CALENDAR", "DIRECTION", "STATUS", "READY", "LAST", "SYNC",
            "CONFLICTS", "AGE"));
    assertThat(table.row("alice-google")).hasValueSatisfying(row ->
        assertThat(row.subList(1, 6)).containsExactly("Google", "primary", "Bidirectional", "Connected", "True"));
    assertThat(table.row("bob-outlook")).hasValueSatisfying(row ->
        assertThat(row.subList(1, 6)).containsExactly("Microsoft", "calendar", "ToExternal", "Connected", "True"));
  }

  @Test
  @Order(2)
  void anEntryInPostgresAppearsInAlicesGoogleCalendarAndBobsOutlookCalendar() throws SQLException {
    insertEntry("visit-1", "Boiler service", "alice");
    insertEntry("visit-2", "Heat pump check", "bob");

    await().atMost(PATIENCE).untilAsserted(() -> assertThat(aliceGoogle.eventOf(NAMESPACE, "visit-1"))
        .hasValueSatisfying(event -> assertThat(event.path("summary").asText()).isEqualTo("Boiler service")));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(bobOutlook.eventOf(NAMESPACE, "visit-2"))
        .hasValueSatisfying(event -> assertThat(event.path("subject").asText()).isEqualTo("Heat pump check")));
  }

  @Test
  @Order(3)
  void anEditInGoogleReachesTheEntryThroughPush() throws SQLException {
    assertThat(aliceGoogle.pushChannels("channels")).as("alice-google's watch channel").isNotEmpty();
    insertEntry("visit-3", "Chimney sweep", "alice");
    JsonNode event = await().atMost(PATIENCE).until(() -> aliceGoogle.eventOf(NAMESPACE, "visit-3").orElse(null),
        e -> e != null);

    // No Sync Now and a 15m syncInterval: only Google's push, through the receiver, can bring the edit this soon.
    aliceGoogle.patch(event.path("id").asText(), "{\"summary\": \"Chimney sweep (gate code 4711)\"}");

    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(title("visit-3")).isEqualTo("Chimney sweep (gate code 4711)"));
  }

  @Test
  @Order(4)
  void suspendShowsInTheStatusColumnAndStopsTheChannel() {
    kubectl.run("patch", "calendarprovider", "alice-google", "-n", NAMESPACE, "--type", "merge", "-p",
        "{\"spec\":{\"suspend\":true}}").ok();

    await().atMost(PATIENCE).untilAsserted(() -> assertThat(kubectl.run("get", "calendarproviders", "-n", NAMESPACE)
        .ok().row("alice-google")).hasValueSatisfying(row -> assertThat(row.get(4)).isEqualTo("Suspended")));
    assertThat(aliceGoogle.pushChannels("channels")).as("Google channels of a suspended provider").isEmpty();
  }

  @Test
  @Order(5)
  void aConflictIsListedWithKubectlAndResolvedWithKubectlPatch() throws SQLException {
    JsonNode event = aliceGoogle.eventOf(NAMESPACE, "visit-1").orElseThrow();

    // Both sides change while the provider is suspended; on resume the Manual policy surfaces a conflict.
    aliceGoogle.patch(event.path("id").asText(), "{\"summary\": \"Boiler service at 10\"}");
    sql("UPDATE calendar_sync.schedule_entries SET title = 'Boiler service + filter' WHERE tenant = ? AND entry_id = ?",
        NAMESPACE, "visit-1");
    kubectl.run("patch", "calendarprovider", "alice-google", "-n", NAMESPACE, "--type", "merge", "-p",
        "{\"spec\":{\"suspend\":false}}").ok();

    List<String> conflict = await().atMost(PATIENCE).until(() -> kubectl.run("get", "calendarsyncconflicts", "-n",
        NAMESPACE).ok().out().lines().map(line -> List.of(line.trim().split("\\s+")))
        .filter(cells -> cells.contains("visit-1") && cells.contains("Open")).findFirst().orElse(null), row -> row != null);
    String name = conflict.get(0);
    assertThat(conflict.subList(1, 3)).containsExactly("alice-google", "visit-1");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(kubectl.run("get", "calendarproviders", "-n", NAMESPACE)
        .ok().row("alice-google")).hasValueSatisfying(row -> assertThat(row.get(4)).isEqualTo("Conflict")));

    kubectl.run("patch", "calendarsyncconflict", name, "-n", NAMESPACE, "--type", "merge", "-p",
        "{\"spec\":{\"resolution\":\"KeepExternal\"}}").ok();
    kubectl.run("wait", "calendarsyncconflict/" + name, "-n", NAMESPACE, "--for=delete", "--timeout=60s").ok();

    assertThat(title("visit-1")).isEqualTo("Boiler service at 10");
    assertThat(aliceGoogle.eventOf(NAMESPACE, "visit-1")).hasValueSatisfying(e ->
        assertThat(e.path("summary").asText()).isEqualTo("Boiler service at 10"));
    assertThat(aliceGoogle.pushChannels("channels")).as("the channel is back after resuming").isNotEmpty();
  }

  @Test
  @Order(6)
  void syncNowIsHandledAndEchoedInTheStatus() {
    syncNow("bob-outlook");

    assertThat(kubectl.run("get", "events", "-n", NAMESPACE).ok().out()).contains("SyncRequested");
  }

  @Test
  @Order(7)
  void aRevokedGrantOffersAConsentLinkThatReconnectsTheProvider() throws Exception {
    aliceGoogle.revokeGrants("alice@example.com", "123456789012-example.apps.googleusercontent.com");
    syncNow("alice-google");

    kubectl.run("wait", "calendarprovider/alice-google", "-n", NAMESPACE,
        "--for=jsonpath={.status.conditions[?(@.type==\"Connected\")].reason}=AuthorizationRevoked",
        "--timeout=60s").ok();
    String link = await().atMost(PATIENCE).until(() -> kubectl.run("get", "calendarprovider", "alice-google", "-n",
        NAMESPACE, "-o", "jsonpath={.status.authorizationUrl}").ok().out().trim(), url -> !url.isEmpty());
    assertThat(link).startsWith(info.googleUrl()).contains("redirect_uri=" + URLEncoder.encode(
        info.receiverUrl() + "/oauth/callback/google", StandardCharsets.UTF_8));

    // What a browser does: the consent page (the emulator approves at once) redirects to the receiver's callback.
    HttpResponse<String> page = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
        .send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as("the receiver's page: %s", page.body()).isEqualTo(200);
    assertThat(page.uri().toString()).startsWith(info.receiverUrl() + "/oauth/callback/google");

    kubectl.run("wait", "calendarprovider/alice-google", "-n", NAMESPACE, "--for=condition=Connected",
        "--timeout=60s").ok();
    assertThat(kubectl.run("get", "calendarprovider", "alice-google", "-n", NAMESPACE, "-o",
        "jsonpath={.status.authorizationUrl}").ok().out()).isBlank();
  }

  @Test
  @Order(8)
  void deletingAProviderRemovesItAndStopsItsSubscription() {
    assertThat(bobOutlook.pushChannels("subscriptions")).as("bob-outlook's subscription").isNotEmpty();

    // kubectl waits for the operator to release the provider (its finalizer) before it returns.
    kubectl.run("delete", "calendarprovider", "bob-outlook", "-n", NAMESPACE, "--timeout=60s").ok();

    assertThat(kubernetes.resources(CalendarProvider.class).inNamespace(NAMESPACE).withName("bob-outlook").get())
        .isNull();
    assertThat(kubectl.run("get", "calendarproviders", "-n", NAMESPACE).ok().row("bob-outlook")).isEmpty();
    assertThat(bobOutlook.pushChannels("subscriptions")).as("Graph subscriptions after the deletion").isEmpty();
  }

  /** Sync Now: a new annotation value, then wait until the operator echoes it as handled. */
  private static void syncNow(String provider) {
    String requestedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    kubectl.run("annotate", "calendarprovider", provider, "-n", NAMESPACE,
        "calendarsync.io/sync-requested-at=" + requestedAt, "--overwrite").ok();
    kubectl.run("wait", "calendarprovider/" + provider, "-n", NAMESPACE,
        "--for=jsonpath={.status.lastHandledSyncRequest}=" + requestedAt, "--timeout=60s").ok();
  }

  private static void insertEntry(String entryId, String title, String assignee) throws SQLException {
    sql("INSERT INTO calendar_sync.schedule_entries (tenant, entry_id, title, starts_at, ends_at, time_zone, assignees)"
        + " VALUES (?, ?, ?, now() + interval '1 day', now() + interval '1 day 1 hour', 'Europe/Berlin',"
        + " ARRAY[?])", NAMESPACE, entryId, title, assignee);
  }

  private static String title(String entryId) throws SQLException {
    try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
        "SELECT title FROM calendar_sync.schedule_entries WHERE tenant = ? AND entry_id = ?")) {
      query.setString(1, NAMESPACE);
      query.setString(2, entryId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static void sql(String statement, String... parameters) throws SQLException {
    try (Connection connection = connect(); PreparedStatement update = connection.prepareStatement(statement)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setString(i + 1, parameters[i]);
      }
      update.executeUpdate();
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(info.jdbcUrl(), info.jdbcUser(), info.jdbcPassword());
  }
}
