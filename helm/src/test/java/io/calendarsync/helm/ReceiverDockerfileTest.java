package io.calendarsync.helm;

import static io.calendarsync.helm.ReceiverDeploymentTest.ENABLED;
import static io.calendarsync.helm.ReceiverDeploymentTest.container;
import static io.calendarsync.helm.ReceiverDeploymentTest.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The receiver image (webhook-receiver/Dockerfile; no Docker engine here to build it) and the chart must agree on the
 * user, the ports and the entrypoint, or runAsNonRoot would refuse the pod and the probes would miss.
 */
class ReceiverDockerfileTest {

  private static final Path DOCKERFILE = Chart.DIRECTORY.toAbsolutePath().resolve("../../webhook-receiver/Dockerfile").normalize();

  @Test
  void imageRunsTheShadedJarAsTheUserAndOnThePortsTheChartExpects() throws IOException {
    String dockerfile = Files.readString(DOCKERFILE);
    Container receiver = container(pod(Chart.render(ENABLED)));

    assertThat(dockerfile).containsPattern("(?m)^COPY webhook-receiver/target/calendar-sync-webhook-receiver-\\*-all\\.jar "
        + "/app/calendar-sync-webhook-receiver\\.jar$");
    assertThat(dockerfile).containsPattern(
        "(?m)^ENTRYPOINT \\[\"java\", ?\"-jar\", ?\"/app/calendar-sync-webhook-receiver\\.jar\"]$");
    assertThat(dockerfile).containsPattern("(?m)^USER " + receiver.getSecurityContext().getRunAsUser() + ":"
        + receiver.getSecurityContext().getRunAsGroup() + "$");
    assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + receiver.getPorts().get(0).getContainerPort() + " "
        + receiver.getPorts().get(1).getContainerPort() + "$");
  }
}
