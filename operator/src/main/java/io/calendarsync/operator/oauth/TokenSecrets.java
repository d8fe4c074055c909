package io.calendarsync.operator.oauth;

import io.calendarsync.api.crypto.TokenDigest;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.MetadataKeys;
import io.calendarsync.operator.sync.StoredGrant;
import io.calendarsync.operator.sync.SyncTarget;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's own Secret per provider, {@code <provider>-calendarsync-tokens} in the provider's namespace, owned by
 * the provider (garbage-collected with it) and labelled so the operator's Secret watch sees it. The person's
 * credentials Secret, which GitOps or a secret manager may own, is never written.
 */
public final class TokenSecrets implements RefreshTokenStore {

  public static final String SUFFIX = "-calendarsync-tokens";
  /** Label naming the provider a token Secret belongs to. */
  public static final String PROVIDER_LABEL = "calendarsync.io/provider";
  static final String REFRESH_TOKEN = "refresh-token";
  static final String DERIVED_FROM = "derived-from";
  static final String ISSUED_AT = "calendarsync.io/token-issued-at";
  static final String SOURCE = "calendarsync.io/token-source";
  private static final int MAX_NAME = 253;

  private final KubernetesClient client;

  public TokenSecrets(KubernetesClient client) {
    this.client = client;
  }

  /** The token Secret's name for a provider; long provider names are shortened with a digest to stay valid. */
  public static String secretName(String providerName) {
    if (providerName.length() + SUFFIX.length() <= MAX_NAME) {
      return providerName + SUFFIX;
    }
    byte[] digest = TokenDigest.sha256(providerName.getBytes(StandardCharsets.UTF_8));
    return providerName.substring(0, 200) + "-" + HexFormat.of().formatHex(digest, 0, 5) + SUFFIX;
  }

  /** The digest a grant derives from: that of the credentials Secret's refresh token, or {@code none}. */
  public static String derivationOf(Optional<String> credentialsRefreshToken) {
    return credentialsRefreshToken.map(TokenDigest::of).orElse("none");
  }

  /**
   * The refresh token kept in {@code secret}, if it is this provider's token Secret: owned by the provider itself
   * (same uid), so a Secret someone else named like it is ignored.
   */
  public static Optional<StoredGrant> read(Secret secret, CalendarProvider provider) {
    boolean owned = secret.getMetadata().getOwnerReferences() != null && secret.getMetadata().getOwnerReferences()
        .stream().anyMatch(o -> o.getUid() != null && o.getUid().equals(provider.getMetadata().getUid()));
    Map<String, String> data = secret.getData();
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    if (!owned || data == null || annotations == null || !data.containsKey(REFRESH_TOKEN)
        || !data.containsKey(DERIVED_FROM)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new StoredGrant(decode(data.get(REFRESH_TOKEN)), decode(data.get(DERIVED_FROM)),
          Instant.parse(annotations.getOrDefault(ISSUED_AT, "")), annotations.getOrDefault(SOURCE, StoredGrant.ROTATION)));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** True for a token Secret whose newest token came from a consent, which the provider must be woken for. */
  public static boolean holdsConsent(Secret secret) {
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    return annotations != null && StoredGrant.CONSENT.equals(annotations.get(SOURCE))
        && secret.getMetadata().getLabels() != null && secret.getMetadata().getLabels().containsKey(PROVIDER_LABEL);
  }

  @Override
  public void save(SyncTarget target, StoredGrant grant) throws TokenStoreException {
    CalendarProvider provider;
    try {
      provider = client.resources(CalendarProvider.class).inNamespace(target.namespace()).withName(target.name()).get();
    } catch (KubernetesClientException e) {
      throw failure(target.namespace(), target.name(), e);
    }
    if (provider == null) {
      throw new TokenStoreException("provider " + target.key() + " no longer exists", null);
    }
    save(provider, grant);
  }

  /** Keeps {@code grant} for {@code provider}, creating its token Secret on first use. */
  public void save(CalendarProvider provider, StoredGrant grant) throws TokenStoreException {
    String namespace = provider.getMetadata().getNamespace();
    String name = provider.getMetadata().getName();
    Secret secret = new SecretBuilder()
        .withNewMetadata()
        .withName(secretName(name))
        .withNamespace(namespace)
        .addToLabels(MetadataKeys.CREDENTIALS, "true")
        .addToLabels(PROVIDER_LABEL, name)
        .addToLabels("app.kubernetes.io/managed-by", "calendar-sync-operator")
        .addToAnnotations(ISSUED_AT, grant.issuedAt().toString())
        .addToAnnotations(SOURCE, grant.source())
        .withOwnerReferences(ownerReference(provider))
        .endMetadata()
        .withType("Opaque")
        .addToData(REFRESH_TOKEN, encode(grant.refreshToken()))
        .addToData(DERIVED_FROM, encode(grant.derivedFrom()))
        .build();
    try {
      client.secrets().inNamespace(namespace).resource(secret).createOr(NonDeletingOperation::update);
    } catch (KubernetesClientException e) {
      throw failure(namespace, name, e);
    }
  }

  @Override
  public void discard(SyncTarget target) throws TokenStoreException {
    try {
      var resource = client.secrets().inNamespace(target.namespace()).withName(secretName(target.name()));
      if (resource.get() != null) {
        resource.edit(s -> {
          s.getData().remove(REFRESH_TOKEN);
          s.getData().remove(DERIVED_FROM);
          return s;
        });
      }
    } catch (KubernetesClientException e) {
      throw failure(target.namespace(), target.name(), e);
    }
  }

  private static OwnerReference ownerReference(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .build();
  }

  private static TokenStoreException failure(String namespace, String providerName, KubernetesClientException e) {
    // The API server's message names the Secret and the refusal, never the data sent.
    return new TokenStoreException("cannot write Secret " + namespace + "/" + secretName(providerName) + ": HTTP "
        + e.getCode() + " " + Optional.ofNullable(e.getStatus()).map(s -> s.getMessage()).orElse(e.getClass().getSimpleName()), e);
  }

  private static String encode(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String value) {
    return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
  }
}
