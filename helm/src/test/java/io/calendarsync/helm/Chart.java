package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one helper the chart tests share: renders the chart with `helm template` (helm-java's bundled Helm, offline) and
 * parses the output into typed fabric8 objects, so tests assert on fields instead of on YAML text. Also renders
 * NOTES.txt, which `helm template` leaves out.
 */
final class Chart {

  static final Path DIRECTORY = Path.of(System.getProperty("chart.dir", "calendar-sync-operator"));
  /** Same name as the chart, so the fullname (the prefix of every object) is simply "calendar-sync-operator". */
  static final String RELEASE = "calendar-sync-operator";
  static final String NAMESPACE = "calendar-sync";
  /**
   * helm-java's `template` assumes Kubernetes v1.20 when not told otherwise, which the chart's kubeVersion constraint rejects;
   * render against the oldest version the chart supports.
   */
  static final String KUBE_VERSION = "v1.27.0";

  /** Answers the chart's `lookup` calls; see {@link FakeKubeApi} for why `helm template` needs it here. */
  static final FakeKubeApi CLUSTER = FakeKubeApi.start();

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  private Chart() {}

  static Helm helm() {
    return new Helm(DIRECTORY);
  }

  /** Renders with the chart's defaults. */
  static Manifests render() {
    return render("");
  }

  /** Renders with the given values YAML layered over the chart's defaults, like `helm template -f values.yaml`. */
  static Manifests render(String valuesYaml) {
    String output = helm().template()
        .withName(RELEASE)
        .withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION)
        .withValuesFile(valuesFile(valuesYaml))
        .call();
    List<HasMetadata> objects = DOCUMENT_SEPARATOR.splitAsStream(output)
        .filter(Chart::hasContent)
        .map(document -> (HasMetadata) Serialization.unmarshal(document, HasMetadata.class))
        .toList();
    return new Manifests(objects);
  }

  /**
   * NOTES.txt as `helm install` prints it; `helm template` does not render it. A client-only dry run renders without a
   * cluster.
   */
  static String notes(String valuesYaml) {
    String output = helm().install()
        .withName(RELEASE)
        .withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION)
        .withValuesFile(valuesFile(valuesYaml))
        .dryRun()
        .withDryRunOption(DryRun.CLIENT)
        .clientOnly()
        .call()
        .getOutput();
    return output.substring(output.indexOf("NOTES:"));
  }

  /** Renders values Helm must refuse, and returns its error message. */
  static String renderFailure(String valuesYaml) {
    Throwable failure = catchThrowable(() -> render(valuesYaml));
    assertThat(failure).as("helm template should have failed").isNotNull();
    return failure.getMessage();
  }

  private static boolean hasContent(String document) {
    return Arrays.stream(document.split("\n")).map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("#"));
  }

  private static Path valuesFile(String valuesYaml) {
    try {
      Path file = Files.createTempFile("values", ".yaml");
      file.toFile().deleteOnExit();
      return Files.writeString(file, valuesYaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The objects of one render. */
  record Manifests(List<HasMetadata> objects) {

    <T extends HasMetadata> List<T> all(Class<T> type) {
      return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<HasMetadata> ofKind(String kind) {
      return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
      return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
      return find(type, name).orElseThrow(() -> new AssertionError(
          "no " + type.getSimpleName() + " named " + name + " in " + objects.stream().map(Manifests::describe).toList()));
    }

    /** The operator Deployment, which every render has exactly one of. */
    Deployment deployment() {
      assertThat(all(Deployment.class)).hasSize(1);
      return all(Deployment.class).get(0);
    }

    private static String describe(HasMetadata o) {
      return o.getKind() + "/" + o.getMetadata().getName();
    }
  }
}
