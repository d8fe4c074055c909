package io.calendarsync.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every manifest under examples/ is one a real cluster accepts, and each provider finds a usable Secret beside it. */
class ExamplesTest {

  private static List<JsonNode> examples() throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (var files = Files.list(Path.of(System.getProperty("examples.dir", "../examples")))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
          it.readAll().stream().filter(d -> d.has("kind")).forEach(documents::add);
        }
      }
    }
    return documents;
  }

  @Test
  void everyCustomResourceExampleSatisfiesTheSchema() throws IOException {
    Map<String, CrdSchemaValidator> byKind = Map.of(
        "CalendarProvider",
        new CrdSchemaValidator(CrdFiles.parse(CrdFiles.generate().get("calendarproviders.calendarsync.io-v1.yml"))),
        "CalendarSyncConflict",
        new CrdSchemaValidator(CrdFiles.parse(CrdFiles.generate().get("calendarsyncconflicts.calendarsync.io-v1.yml"))));
    List<JsonNode> customResources = examples().stream().filter(d -> byKind.containsKey(d.get("kind").asText())).toList();
    assertThat(customResources).hasSizeGreaterThanOrEqualTo(2);
    for (JsonNode resource : customResources) {
      assertThat(byKind.get(resource.get("kind").asText()).validateCreate(resource))
          .as(resource.at("/metadata/name").asText())
          .isEmpty();
    }
  }

  @Test
  void everyProviderExampleReferencesALabelledSecretWithTheKeysItsVendorNeeds() throws IOException {
    List<JsonNode> documents = examples();
    List<JsonNode> providers = documents.stream().filter(d -> d.get("kind").asText().equals("CalendarProvider")).toList();
    assertThat(providers).extracting(p -> p.at("/spec/vendor").asText()).contains("Google", "Microsoft");
    for (JsonNode provider : providers) {
      String namespace = provider.at("/metadata/namespace").asText();
      String secretName = provider.at("/spec/credentialsSecretRef/name").asText();
      JsonNode secret = documents.stream()
          .filter(d -> d.get("kind").asText().equals("Secret"))
          .filter(d -> d.at("/metadata/name").asText().equals(secretName))
          .filter(d -> d.at("/metadata/namespace").asText().equals(namespace))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no Secret " + namespace + "/" + secretName));
      assertThat(secret.at("/metadata/labels/calendarsync.io~1credentials").asText()).isEqualTo("true");
      assertThat(secret.get("stringData").has("client-id")).isTrue();
      assertThat(secret.get("stringData").has("client-secret")).isTrue();
      if (provider.at("/spec/vendor").asText().equals("Microsoft")) {
        assertThat(secret.get("stringData").has("tenant-id")).isTrue();
      }
      JsonNode tenantNamespace = documents.stream()
          .filter(d -> d.get("kind").asText().equals("Namespace"))
          .filter(d -> d.at("/metadata/name").asText().equals(namespace))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no Namespace " + namespace));
      assertThat(tenantNamespace.at("/metadata/labels/calendarsync.io~1tenant").asText())
          .isEqualTo(provider.at("/spec/tenant").asText());
    }
  }
}
