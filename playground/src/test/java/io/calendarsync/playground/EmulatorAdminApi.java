package io.calendarsync.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One user's calendar through an emulator's admin HTTP API ({@code /admin/users/{user}/calendars/{id}/events}): what
 * the tour's {@code curl} commands do, with events in the vendor's own JSON.
 */
final class EmulatorAdminApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String baseUrl;
  private final String eventsUrl;

  EmulatorAdminApi(String baseUrl, String user, String calendarId) {
    this.baseUrl = baseUrl;
    this.eventsUrl = baseUrl + "/admin/users/" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "/calendars/"
        + calendarId + "/events";
  }

  List<JsonNode> events() {
    return StreamSupport.stream(send(HttpRequest.newBuilder(URI.create(eventsUrl)).GET()).path("events").spliterator(),
        false).toList();
  }

  /** The event the operator wrote for a schedule entry: both vendors carry the entry in an extended property. */
  Optional<JsonNode> eventOf(String tenant, String entryId) {
    String entry = tenant + "/" + entryId;
    return events().stream().filter(event -> event.toString().contains("\"" + entry + "\"")).findFirst();
  }

  /** Changes only the given fields, as a person editing the event in the calendar app. */
  JsonNode patch(String eventId, String changes) {
    return send(HttpRequest.newBuilder(URI.create(eventsUrl + "/" + eventId)).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(changes)));
  }

  /**
   * The emulator's live push channels (Google watch channels under {@code channels}, Graph subscriptions under
   * {@code subscriptions}).
   */
  List<JsonNode> pushChannels(String collection) {
    return StreamSupport.stream(send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/" + collection)).GET())
        .path(collection).spliterator(), false).toList();
  }

  /** Revokes the user's grants to the OAuth client, as the user would in their account's security settings. */
  void revokeGrants(String user, String clientId) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/grants/revoke"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("user", user).put("clientId", clientId)
              .toString())).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("admin API answer %s", response.body()).isEqualTo(204);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("admin API answer %s", response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
