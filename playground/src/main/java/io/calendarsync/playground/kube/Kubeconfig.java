package io.calendarsync.playground.kube;

/**
 * A kubeconfig with one cluster, context and user named {@code playground}: plain HTTP to 127.0.0.1 (kubectl accepts
 * it without TLS settings) and no credentials (the server has a single user and no authentication).
 */
final class Kubeconfig {

  static final String NAME = "playground";

  private Kubeconfig() {
  }

  static String render(String serverUrl, String namespace) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
        users:
        - name: %1$s
          user: {}
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s
            namespace: %3$s
        current-context: %1$s
        preferences: {}
        """.formatted(NAME, serverUrl, namespace);
  }
}
