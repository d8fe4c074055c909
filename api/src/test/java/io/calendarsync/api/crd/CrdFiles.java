package io.calendarsync.api.crd;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.CalendarSyncConflict;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Generates the CRD YAML from the resource classes, and reads the checked-in copies under {@code crds/}. */
final class CrdFiles {

  static final List<Class<? extends HasMetadata>> RESOURCES = List.of(CalendarProvider.class, CalendarSyncConflict.class);

  private CrdFiles() {}

  static Path checkedInDirectory() {
    return Path.of(System.getProperty("crds.dir", "../crds"));
  }

  /** File name to YAML, exactly as the build would check them in. */
  static Map<String, String> generate() {
    try {
      Path out = Files.createTempDirectory("crds");
      new CRDGenerator()
          .customResourceClasses(RESOURCES)
          .forCRDVersions("v1")
          .withPostProcessor(new DeclaredColumnOrder())
          .inOutputDir(out.toFile())
          .generate();
      Map<String, String> files = new TreeMap<>();
      try (var listing = Files.list(out)) {
        for (Path file : listing.toList()) {
          files.put(file.getFileName().toString(), Files.readString(file));
          Files.delete(file);
        }
      }
      Files.delete(out);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> readCheckedIn() {
    Map<String, String> files = new TreeMap<>();
    Path dir = checkedInDirectory();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (var listing = Files.list(dir)) {
      for (Path file : listing.filter(f -> f.toString().endsWith(".yml")).toList()) {
        files.put(file.getFileName().toString(), Files.readString(file));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CustomResourceDefinition parse(String yaml) {
    return Serialization.unmarshal(yaml, CustomResourceDefinition.class);
  }

  /**
   * kubectl shows printer columns in CRD order, but the generator sorts them by JSONPath; this puts them back in the
   * order the resource class declares them (vendor, calendar, ... age).
   */
  private static final class DeclaredColumnOrder implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      CustomResourceDefinition definition = (CustomResourceDefinition) crd;
      String kind = definition.getSpec().getNames().getKind();
      List<String> declared = RESOURCES.stream()
          .filter(type -> type.getSimpleName().equals(kind))
          .findFirst()
          .map(type -> Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
              .map(AdditionalPrinterColumn::name)
              .toList())
          .orElseThrow();
      definition.getSpec().getVersions().forEach(version -> version.getAdditionalPrinterColumns()
          .sort(Comparator.comparingInt((CustomResourceColumnDefinition c) -> declared.indexOf(c.getName()))));
      return definition;
    }
  }
}
