package io.calendarsync.operator.support;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.CalendarProviderSpec;
import io.calendarsync.api.v1alpha1.MetadataKeys;
import io.calendarsync.api.v1alpha1.SecretReference;
import io.calendarsync.api.v1alpha1.Vendor;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builders for the resources a platform team applies: tenant namespaces, credentials Secrets, providers. */
public final class Resources {

  public static final String CLIENT_SECRET_VALUE = "s3cr3t-client-value";
  public static final String REFRESH_TOKEN_VALUE = "1//refresh-token-value";

  private Resources() {}

  public static Namespace tenantNamespace(String name, String tenant) {
    var builder = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata();
    if (tenant != null) {
      builder.editMetadata().addToLabels(MetadataKeys.TENANT, tenant).endMetadata();
    }
    return builder.build();
  }

  public static Secret credentials(String namespace, String name, Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace)
        .addToLabels(MetadataKeys.CREDENTIALS, "true").endMetadata()
        .withData(data)
        .build();
  }

  public static Secret googleCredentials(String namespace, String name) {
    return credentials(namespace, name, Map.of("client-id", "client-123", "client-secret", CLIENT_SECRET_VALUE,
        "refresh-token", REFRESH_TOKEN_VALUE));
  }

  public static CalendarProvider provider(String namespace, String name, String tenant, String secretName) {
    CalendarProviderSpec spec = new CalendarProviderSpec();
    spec.setVendor(Vendor.Google);
    spec.setCalendarId("primary");
    spec.setCredentialsSecretRef(new SecretReference(secretName));
    spec.setTenant(tenant);
    spec.setUserId("alice");
    CalendarProvider provider = new CalendarProvider();
    provider.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    provider.setSpec(spec);
    return provider;
  }

  public static Optional<Condition> condition(CalendarProvider provider, String type) {
    if (provider == null || provider.getStatus() == null || provider.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return provider.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
