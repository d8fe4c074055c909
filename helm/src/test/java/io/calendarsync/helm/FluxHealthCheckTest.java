package io.calendarsync.helm;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CEL health check of the Flux example (gitops/flux), evaluated against the CalendarProvider fixtures of the Argo
 * CD health check, so both GitOps tools read a provider the same way. Flux exposes the object's top-level fields as
 * variables and tries inProgress, failed, then current.
 */
class FluxHealthCheckTest {

  private static final Path GITOPS = Path.of(System.getProperty("gitops.dir", "../gitops"));
  private static final Path PROVIDERS = GITOPS.resolve("argocd/health/calendarsync.io/CalendarProvider/testdata");
  private static final List<String> ORDER = List.of("inProgress", "failed", "current");
  private static final Map<String, String> EXPECTED = Map.ofEntries(
      entry("healthy.yaml", "current"),
      entry("healthy_conflicts.yaml", "current"),
      entry("progressing_initializing.yaml", "inProgress"),
      entry("progressing_ready_unknown.yaml", "inProgress"),
      entry("progressing_generation.yaml", "inProgress"),
      entry("progressing_resuming.yaml", "inProgress"),
      // The operator retries by itself: Flux waits, up to the Kustomization's timeout.
      entry("degraded_vendor_unavailable.yaml", "inProgress"),
      entry("degraded_secret_not_found.yaml", "failed"),
      entry("degraded_authorization_revoked.yaml", "failed"),
      // Not observed yet: the operator has not stopped syncing.
      entry("suspended_spec.yaml", "inProgress"),
      entry("suspended_phase.yaml", "current"));

  private static final Cel CEL = CelFactory.standardCelBuilder()
      .setOptions(CelOptions.current().enableOptionalSyntax(true).build())
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addCompilerLibraries(CelOptionalLibrary.INSTANCE)
      .addRuntimeLibraries(CelOptionalLibrary.INSTANCE)
      .addVar("metadata", SimpleType.DYN)
      .addVar("spec", SimpleType.DYN)
      .addVar("status", SimpleType.DYN)
      .setResultType(SimpleType.BOOL)
      .build();

  @Test
  void everyProviderStateReadsAsTheRunbookSays() throws Exception {
    Map<String, String> expressions = expressions();
    Map<String, String> results = new LinkedHashMap<>();
    for (Path fixture : fixtures()) {
      Map<String, Object> provider = yaml(fixture);
      if (provider.containsKey("status")) {
        results.put(fixture.getFileName().toString(), health(expressions, provider));
      }
    }

    assertThat(results).isEqualTo(EXPECTED);
  }

  @Test
  void aProviderWithoutStatusCannotBeEvaluatedSoFluxWaits() throws Exception {
    Map<String, Object> provider = yaml(PROVIDERS.resolve("progressing_no_status.yaml"));

    assertThatThrownBy(() -> health(expressions(), provider)).isInstanceOf(CelEvaluationException.class);
  }

  private static String health(Map<String, String> expressions, Map<String, Object> provider) throws Exception {
    for (String outcome : ORDER) {
      if ((Boolean) CEL.createProgram(CEL.compile(expressions.get(outcome)).getAst()).eval(cel(provider))) {
        return outcome;
      }
    }
    return "none";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> expressions() throws IOException {
    String manifests = Files.readString(GITOPS.resolve("flux/calendar-sync.yaml"));
    Map<String, Object> providers = Stream.of(manifests.split("(?m)^---$"))
        .map(document -> (Map<String, Object>) Serialization.unmarshal(document, Map.class))
        .filter(document -> "calendar-providers".equals(((Map<String, Object>) document.get("metadata")).get("name")))
        .findFirst().orElseThrow();
    List<Map<String, String>> checks =
        (List<Map<String, String>>) ((Map<String, Object>) providers.get("spec")).get("healthCheckExprs");
    assertThat(checks).singleElement().satisfies(check -> assertThat(check)
        .containsEntry("apiVersion", "calendarsync.io/v1alpha1").containsEntry("kind", "CalendarProvider")
        .containsKeys("inProgress", "failed", "current"));
    return checks.get(0);
  }

  /** The resource with YAML integers as CEL ints (Java longs). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> cel(Map<String, Object> object) {
    return (Map<String, Object>) celValue(object);
  }

  private static Object celValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> converted = new LinkedHashMap<>();
      map.forEach((key, field) -> converted.put(key.toString(), celValue(field)));
      return converted;
    }
    if (value instanceof List<?> list) {
      List<Object> converted = new ArrayList<>();
      list.forEach(item -> converted.add(celValue(item)));
      return converted;
    }
    if (value instanceof Integer number) {
      return number.longValue();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    return Serialization.unmarshal(Files.readString(file), Map.class);
  }

  private static List<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(PROVIDERS)) {
      return files.sorted().toList();
    }
  }
}
