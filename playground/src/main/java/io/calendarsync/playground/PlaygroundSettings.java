package io.calendarsync.playground;

import io.calendarsync.playground.kube.PlaygroundApiServer;

import java.nio.file.Path;

/**
 * Where the playground keeps its files, where it finds the repository's CRDs and examples, and the port of each piece
 * (0: a free one, as the tests use).
 *
 * @param stateDirectory kubeconfig, info file, log and PostgreSQL data; the data is recreated on every start
 */
public record PlaygroundSettings(Path stateDirectory, Path crdDirectory, Path examplesDirectory, int kubernetesPort,
    int postgresPort, int redisPort, int googlePort, int microsoftPort, int operatorPort, int receiverPort,
    int receiverManagementPort) {

  /** Fixed defaults, so commands copied from docs/playground.md work as they are. */
  public static final int KUBERNETES_PORT = PlaygroundApiServer.DEFAULT_PORT;
  public static final int POSTGRES_PORT = 15432;
  public static final int REDIS_PORT = 16379;
  public static final int GOOGLE_PORT = 18081;
  public static final int MICROSOFT_PORT = 18082;
  public static final int OPERATOR_PORT = 18090;
  public static final int RECEIVER_PORT = 18083;
  public static final int RECEIVER_MANAGEMENT_PORT = 18093;

  /** Every piece on a free port. */
  public static PlaygroundSettings onFreePorts(Path stateDirectory, Path crdDirectory, Path examplesDirectory) {
    return new PlaygroundSettings(stateDirectory, crdDirectory, examplesDirectory, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
