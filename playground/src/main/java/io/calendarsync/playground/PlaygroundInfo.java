package io.calendarsync.playground;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * How to reach each piece of a running playground: printed for people, written as JSON for scripts and tests.
 *
 * @param operatorUrl the operator's management endpoints: {@code /metrics}, {@code /healthz}, {@code /readyz}
 * @param receiverUrl the webhook receiver's public base URL: {@code /webhooks/...} and {@code /oauth/callback/...}
 * @param receiverManagementUrl the receiver's {@code /metrics}, {@code /healthz} and {@code /readyz}
 */
public record PlaygroundInfo(Path kubeconfig, String kubernetesUrl, String jdbcUrl, String jdbcUser,
    String jdbcPassword, String redisUri, String googleUrl, String microsoftUrl, String operatorUrl, String receiverUrl,
    String receiverManagementUrl) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The same details as {@link #lines()}, under the keys the docs name. */
  public ObjectNode toJson() {
    ObjectNode json = JSON.createObjectNode();
    json.put("kubeconfig", kubeconfig.toString());
    json.put("kubernetesUrl", kubernetesUrl);
    json.put("jdbcUrl", jdbcUrl);
    json.put("jdbcUser", jdbcUser);
    json.put("jdbcPassword", jdbcPassword);
    json.put("psql", psqlUrl());
    json.put("redisUri", redisUri);
    json.put("googleUrl", googleUrl);
    json.put("microsoftUrl", microsoftUrl);
    json.put("operatorUrl", operatorUrl);
    json.put("receiverUrl", receiverUrl);
    json.put("receiverManagementUrl", receiverManagementUrl);
    return json;
  }

  public List<String> lines() {
    return List.of(
        "Kubernetes  export KUBECONFIG=" + kubeconfig + "   (API " + kubernetesUrl + ")",
        "            kubectl get calendarproviders -n acme",
        "PostgreSQL  psql " + psqlUrl(),
        "            JDBC " + jdbcUrl + "  user " + jdbcUser + "  password " + jdbcPassword,
        "Redis       " + redisUri,
        "Google      " + googleUrl + "   admin API " + googleUrl + "/admin/users",
        "Outlook     " + microsoftUrl + "   admin API " + microsoftUrl + "/admin/users",
        "Operator    " + operatorUrl + "/metrics   " + operatorUrl + "/readyz",
        "Receiver    " + receiverUrl + "/webhooks/...   metrics " + receiverManagementUrl + "/metrics");
  }

  /** A libpq URL, so {@code psql} (and any libpq client) connects with one argument. */
  private String psqlUrl() {
    return jdbcUrl.replaceFirst("^jdbc:postgresql://", "postgresql://" + jdbcUser + ":" + jdbcPassword + "@");
  }

  /** Writes the JSON whole or not at all (a temporary file moved into place), since scripts poll for it. */
  Path writeTo(Path file) {
    try {
      Path temporary = Files.createTempFile(file.getParent(), ".playground-", ".json");
      Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()));
      return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
