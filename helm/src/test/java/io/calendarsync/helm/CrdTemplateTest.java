package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How the chart installs its copies of the CRDs: crds.enabled and crds.keep. */
class CrdTemplateTest {

  @Test
  void everyCopyIsRenderedUnchangedApartFromLabelsAndTheKeepAnnotation() {
    List<CustomResourceDefinition> rendered = Chart.render().all(CustomResourceDefinition.class);
    List<CustomResourceDefinition> files = copies();

    assertThat(files).extracting(crd -> crd.getMetadata().getName())
        .contains("calendarproviders.calendarsync.io", "calendarsyncconflicts.calendarsync.io");
    assertThat(rendered).extracting(crd -> crd.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(files.stream().map(crd -> crd.getMetadata().getName()).toList());
    for (CustomResourceDefinition file : files) {
      CustomResourceDefinition crd = rendered.stream()
          .filter(r -> r.getMetadata().getName().equals(file.getMetadata().getName())).findFirst().orElseThrow();
      // The template round-trips the YAML to add metadata: the schema itself must come out identical.
      assertThat(crd.getSpec()).isEqualTo(file.getSpec());
      // Deleting a CRD deletes every CalendarProvider: Helm must leave them behind on uninstall.
      assertThat(crd.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
      assertThat(crd.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "Helm");
    }
  }

  @Test
  void keepFalseLetsHelmDeleteTheCrdsOnUninstall() {
    assertThat(Chart.render("crds: {keep: false}").all(CustomResourceDefinition.class))
        .isNotEmpty()
        .allSatisfy(crd -> assertThat(crd.getMetadata().getAnnotations()).isNullOrEmpty());
  }

  @Test
  void enabledFalseLeavesTheCrdsToSomeoneElse() {
    assertThat(Chart.render("crds: {enabled: false}").all(CustomResourceDefinition.class)).isEmpty();
  }

  private static List<CustomResourceDefinition> copies() {
    try (Stream<Path> files = Files.list(Chart.DIRECTORY.resolve("files/crds"))) {
      return files.filter(f -> f.toString().endsWith(".yml")).map(CrdTemplateTest::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CustomResourceDefinition read(Path file) {
    try {
      return Serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
