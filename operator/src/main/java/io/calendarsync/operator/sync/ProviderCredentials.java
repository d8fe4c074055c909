package io.calendarsync.operator.sync;

import java.util.Optional;

/**
 * What a provider's credentials Secret holds, and the refresh token the operator keeps in its own Secret for the
 * provider. {@link #toString()} never prints a value, so a credentials object can not leak through a log line or an
 * exception message.
 */
public record ProviderCredentials(String clientId, String clientSecret, Optional<String> refreshToken,
    Optional<String> tenantId, String resourceVersion, Optional<StoredGrant> storedGrant) {

  /** Credentials without an operator-kept refresh token. */
  public ProviderCredentials(String clientId, String clientSecret, Optional<String> refreshToken,
      Optional<String> tenantId, String resourceVersion) {
    this(clientId, clientSecret, refreshToken, tenantId, resourceVersion, Optional.empty());
  }

  @Override
  public String toString() {
    return "ProviderCredentials[clientId=" + clientId + ", secretResourceVersion=" + resourceVersion + "]";
  }
}
