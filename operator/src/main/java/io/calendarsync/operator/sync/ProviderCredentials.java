package io.calendarsync.operator.sync;

import java.util.Optional;

/**
 * What a provider's credentials Secret holds. {@link #toString()} never prints a value, so a credentials object can
 * not leak through a log line or an exception message.
 */
public record ProviderCredentials(String clientId, String clientSecret, Optional<String> refreshToken,
    Optional<String> tenantId, String resourceVersion) {

  @Override
  public String toString() {
    return "ProviderCredentials[clientId=" + clientId + ", secretResourceVersion=" + resourceVersion + "]";
  }
}
