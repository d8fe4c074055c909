package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Helm cannot read files outside the chart, so the chart carries copies of the generated CRDs in /crds. This test is
 * what keeps the copies from drifting: a CRD change in the api module fails here until the copies are refreshed.
 */
class CrdCopiesInSyncTest {

  private static final Path GENERATED = Path.of(System.getProperty("crds.dir", "../crds"));
  private static final Path COPIES = Chart.DIRECTORY.resolve("files/crds");
  private static final String FIX = "cp crds/*.yml helm/calendar-sync-operator/files/crds/ (from the repository root)";

  @Test
  void chartCopiesEqualTheGeneratedCrds() {
    Map<String, String> generated = read(GENERATED);
    if (generated.isEmpty()) {
      fail("No generated CRDs (*.yml) in " + GENERATED.toAbsolutePath().normalize()
          + ": generate them (./mvnw -B -pl api test -Dcrds.update=true), then " + FIX);
    }
    Map<String, String> copies = read(COPIES);

    assertThat(copies.keySet())
        .as("CRD files in the chart vs %s; fix: delete stale copies, then %s", GENERATED, FIX)
        .isEqualTo(generated.keySet());
    generated.forEach((name, yaml) -> {
      if (!yaml.equals(copies.get(name))) {
        fail(name + " differs from the generated CRD " + firstDifference(yaml, copies.get(name)) + "; fix: " + FIX);
      }
    });
  }

  /** Where two files part, instead of both files in full: CRDs are hundreds of lines long. */
  private static String firstDifference(String generated, String copy) {
    String[] expected = generated.split("\n", -1);
    String[] actual = copy.split("\n", -1);
    for (int line = 0; line < Math.max(expected.length, actual.length); line++) {
      String want = line < expected.length ? expected[line] : "<end of file>";
      String got = line < actual.length ? actual[line] : "<end of file>";
      if (!want.equals(got)) {
        return "at line " + (line + 1) + ": generated [" + want + "], chart copy [" + got + "]";
      }
    }
    return "(line endings only)";
  }

  private static Map<String, String> read(Path directory) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    try (Stream<Path> listing = Files.list(directory)) {
      for (Path file : listing.filter(f -> f.toString().endsWith(".yml")).toList()) {
        files.put(file.getFileName().toString(), Files.readString(file));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
