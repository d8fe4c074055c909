package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The image (operator/Dockerfile, which cannot be built here: no Docker engine) and the chart must agree on the user,
 * the port and the entrypoint; the chart's runAsNonRoot/runAsUser would otherwise refuse to start the pod.
 */
class DockerfileTest {

  private static final Path DOCKERFILE = Path.of(System.getProperty("dockerfile", "../operator/Dockerfile"));

  @Test
  void imageRunsTheShadedJarAsTheUserAndOnThePortTheChartExpects() throws IOException {
    String dockerfile = Files.readString(DOCKERFILE);
    var container = Chart.render().deployment().getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(dockerfile).containsPattern("(?m)^COPY operator/target/calendar-sync-operator-\\*-all\\.jar "
        + "/app/calendar-sync-operator\\.jar$");
    assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT \\[\"java\", ?\"-jar\", ?\"/app/calendar-sync-operator\\.jar\"]$");
    assertThat(dockerfile).containsPattern("(?m)^USER " + container.getSecurityContext().getRunAsUser() + ":"
        + container.getSecurityContext().getRunAsGroup() + "$");
    assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + container.getPorts().get(0).getContainerPort() + "$");
  }
}
