package io.calendarsync.operator.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.operator.config.VendorEndpoints;
import io.calendarsync.operator.sync.ProviderCredentials;
import io.calendarsync.operator.vendor.VendorException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.calendarsync.operator.vendor.VendorException.Kind.AUTHORIZATION_REVOKED;
import static io.calendarsync.operator.vendor.VendorException.Kind.INVALID_CLIENT;
import static io.calendarsync.operator.vendor.VendorException.Kind.RATE_LIMITED;
import static io.calendarsync.operator.vendor.VendorException.Kind.UNAVAILABLE;

/**
 * Speaks RFC 6749 to Google's and Microsoft's token endpoints (the refresh-token and authorization-code grants). Error answers are classified
 * by their standard {@code error} code; the vendor's description goes into the message, never a token.
 */
public final class TokenEndpointClient {

  static final String GOOGLE_SCOPE = "https://www.googleapis.com/auth/calendar";
  static final String MICROSOFT_SCOPE = "offline_access https://graph.microsoft.com/Calendars.ReadWrite";

  private final VendorEndpoints endpoints;
  private final HttpClient http;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public TokenEndpointClient(VendorEndpoints endpoints, HttpClient http, Clock clock) {
    this.endpoints = endpoints;
    this.http = http;
    this.clock = clock;
  }

  public TokenGrant refresh(Vendor vendor, ProviderCredentials credentials, String refreshToken) throws VendorException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return post(vendor, credentials, form);
  }

  /**
   * Redeems the authorization code of a completed consent (the authorization_code grant). {@code redirectUri} must be
   * the one the code was delivered to.
   */
  public TokenGrant exchange(Vendor vendor, ProviderCredentials credentials, String code, String redirectUri)
      throws VendorException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    return post(vendor, credentials, form);
  }

  private TokenGrant post(Vendor vendor, ProviderCredentials credentials, Map<String, String> grant)
      throws VendorException {
    Map<String, String> form = new LinkedHashMap<>(grant);
    form.put("client_id", credentials.clientId());
    form.put("client_secret", credentials.clientSecret());
    URI endpoint;
    if (vendor == Vendor.Microsoft) {
      form.put("scope", MICROSOFT_SCOPE);
      endpoint = endpoints.microsoftToken(credentials.tenantId().orElseThrow());
    } else {
      endpoint = endpoints.googleToken();
    }
    return post(endpoint, form);
  }

  private TokenGrant post(URI endpoint, Map<String, String> form) throws VendorException {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    Instant sent = clock.instant();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new VendorException(UNAVAILABLE, "token endpoint " + endpoint.getHost() + " unreachable: " + e.getMessage(), null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VendorException(UNAVAILABLE, "interrupted while refreshing the access token", null, e);
    }
    JsonNode answer = parse(response.body());
    if (response.statusCode() == 200 && answer.hasNonNull("access_token")) {
      Instant expires = sent.plusSeconds(answer.path("expires_in").asLong(3600));
      return new TokenGrant(new AccessToken(answer.get("access_token").asText(), expires, sent),
          Optional.ofNullable(answer.get("refresh_token")).map(JsonNode::asText));
    }
    String error = answer.path("error").asText("");
    String description = answer.path("error_description").asText("HTTP " + response.statusCode());
    if ("invalid_grant".equals(error)) {
      throw new VendorException(AUTHORIZATION_REVOKED, "the grant was revoked or expired: " + description);
    }
    if ("invalid_client".equals(error) || "unauthorized_client".equals(error)) {
      throw new VendorException(INVALID_CLIENT, "the OAuth client was refused: " + description);
    }
    if (response.statusCode() == 429) {
      throw new VendorException(RATE_LIMITED, "token endpoint throttled: " + description,
          response.headers().firstValue("Retry-After").map(TokenEndpointClient::seconds).orElse(null), null);
    }
    throw new VendorException(UNAVAILABLE, "token endpoint answered " + response.statusCode() + ": " + description);
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }

  private static Duration seconds(String value) {
    try {
      return Duration.ofSeconds(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
