package io.calendarsync.operator.provider;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.MetadataKeys;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.operator.oauth.TokenSecrets;
import io.calendarsync.operator.status.Reason;
import io.calendarsync.operator.sync.ProviderCredentials;
import io.fabric8.kubernetes.api.model.Secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a provider's credentials Secret (looked up in the provider's own namespace only) into credentials, or into a
 * problem whose message names the Secret and the key but never a value. The refresh token the operator keeps in its
 * own token Secret for the provider comes along, if there is one.
 */
public final class CredentialsReader {

  static final String CLIENT_ID = "client-id";
  static final String CLIENT_SECRET = "client-secret";
  static final String REFRESH_TOKEN = "refresh-token";
  static final String TENANT_ID = "tenant-id";

  /** Either credentials or why there are none. */
  public record Outcome(ProviderCredentials credentials, Problem problem) {}

  /**
   * @param lookup finds a Secret by name in the provider's namespace (the narrow, label-filtered Secret cache)
   */
  public Outcome read(CalendarProvider provider, Function<String, Optional<Secret>> lookup) {
    String namespace = provider.getMetadata().getNamespace();
    String name = provider.getSpec().getCredentialsSecretRef().getName();
    Optional<Secret> found = lookup.apply(name);
    if (found.isEmpty()) {
      return new Outcome(null, new Problem(Reason.SECRET_NOT_FOUND, "Secret " + namespace + "/" + name
          + " not found; create it with the label " + MetadataKeys.CREDENTIALS + "=true so the operator can see it"));
    }
    Secret secret = found.get();
    List<String> required = provider.getSpec().getVendor() == Vendor.Microsoft
        ? List.of(CLIENT_ID, CLIENT_SECRET, TENANT_ID)
        : List.of(CLIENT_ID, CLIENT_SECRET);
    for (String key : required) {
      if (value(secret, key).isEmpty()) {
        return new Outcome(null, new Problem(Reason.SECRET_KEY_MISSING, "Secret " + namespace + "/" + name
            + " has no non-empty key '" + key + "' (needed for " + provider.getSpec().getVendor() + ")"));
      }
    }
    return new Outcome(new ProviderCredentials(
        value(secret, CLIENT_ID).orElseThrow(),
        value(secret, CLIENT_SECRET).orElseThrow(),
        value(secret, REFRESH_TOKEN),
        value(secret, TENANT_ID),
        secret.getMetadata().getResourceVersion(),
        lookup.apply(TokenSecrets.secretName(provider.getMetadata().getName()))
            .flatMap(tokens -> TokenSecrets.read(tokens, provider))), null);
  }

  /** A key from data (base64) or stringData (as written by a client that did not let the API server merge it). */
  private static Optional<String> value(Secret secret, String key) {
    Optional<String> fromString = Optional.ofNullable(secret.getStringData()).map(m -> m.get(key));
    Optional<String> fromData = Optional.ofNullable(secret.getData())
        .map(m -> m.get(key))
        .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    return fromData.or(() -> fromString).map(String::strip).filter(v -> !v.isEmpty());
  }
}
