package io.calendarsync.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * The manifests users copy ({@code examples/}), read in the order their kustomization lists them (namespace first),
 * so the playground runs exactly what the docs show, only with credentials the emulators accept.
 */
final class ExampleManifests {

  private static final String REFRESH_TOKEN = "refresh-token";

  private final List<HasMetadata> objects;

  private ExampleManifests(List<HasMetadata> objects) {
    this.objects = objects;
  }

  static ExampleManifests read(Path directory, KubernetesClient client) {
    Path kustomization = directory.resolve("kustomization.yaml");
    List<HasMetadata> objects = new ArrayList<>();
    try {
      for (JsonNode resource : new YAMLMapper().readTree(kustomization.toFile()).path("resources")) {
        try (InputStream in = Files.newInputStream(directory.resolve(resource.asText()))) {
          for (HasMetadata object : client.load(in).items()) {
            // Typed, so the playground can read the spec; fabric8 may have loaded it as a generic resource.
            objects.add(object.getKind().equals(HasMetadata.getKind(CalendarProvider.class))
                ? client.getKubernetesSerialization().convertValue(object, CalendarProvider.class) : object);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the examples listed in " + kustomization.toAbsolutePath()
          + " (run from the repository root, or pass --examples)", e);
    }
    return new ExampleManifests(objects);
  }

  List<CalendarProvider> providers() {
    return objects.stream().filter(CalendarProvider.class::isInstance).map(CalendarProvider.class::cast).toList();
  }

  /** The credentials Secret a provider names, as written in the examples ({@code stringData}). */
  Secret credentials(CalendarProvider provider) {
    String namespace = provider.getMetadata().getNamespace();
    String name = provider.getSpec().getCredentialsSecretRef().getName();
    return objects.stream().filter(Secret.class::isInstance).map(Secret.class::cast)
        .filter(s -> name.equals(s.getMetadata().getName()) && namespace.equals(s.getMetadata().getNamespace()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the examples have no Secret " + namespace + "/" + name
            + " for the provider " + provider.getMetadata().getName()));
  }

  static String value(Secret secret, String key) {
    return Optional.ofNullable(secret.getStringData()).map(data -> data.get(key)).orElseThrow(() ->
        new IllegalStateException("the example Secret " + secret.getMetadata().getName() + " has no stringData " + key));
  }

  /**
   * Puts a refresh token into a credentials Secret, replacing the placeholder or adding it where the example leaves it
   * out for consent.
   */
  static void setRefreshToken(Secret secret, String refreshToken) {
    var data = new HashMap<>(Optional.ofNullable(secret.getStringData()).orElseGet(HashMap::new));
    data.put(REFRESH_TOKEN, refreshToken);
    secret.setStringData(data);
  }

  void apply(KubernetesClient client) {
    for (HasMetadata object : objects) {
      client.resource(object).create();
    }
  }
}
