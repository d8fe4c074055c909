package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The webhook receiver Deployment: off by default; when on, hardened like the operator and wired to the same Secrets. */
class ReceiverDeploymentTest {

  static final String RECEIVER = "calendar-sync-operator-receiver";
  static final String ENABLED = "receiver: {enabled: true}";

  @Test
  void notRenderedUnlessEnabled() {
    // It needs a public host to be of any use; without push the operator still syncs every syncInterval.
    assertThat(Chart.render().objects()).map(HasMetadata::getMetadata)
        .noneMatch(metadata -> metadata.getName().startsWith(RECEIVER));
  }

  @Test
  void runsWithTheOperatorsHardenedSecurityContexts() {
    Chart.Manifests manifests = Chart.render(ENABLED);
    PodSpec operator = manifests.get(Deployment.class, "calendar-sync-operator").getSpec().getTemplate().getSpec();
    PodSpec receiver = pod(manifests);

    assertThat(receiver.getSecurityContext()).isEqualTo(operator.getSecurityContext());
    assertThat(container(receiver).getSecurityContext()).isEqualTo(operator.getContainers().get(0).getSecurityContext());
    assertThat(container(receiver).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container(receiver).getVolumeMounts()).singleElement()
        .satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
    assertThat(receiver.getVolumes()).singleElement().satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());
    assertThat(receiver.getEnableServiceLinks()).isFalse();
  }

  @Test
  void servesWebhooksAndManagementOnSeparatePortsWithProbesOnManagement() {
    Container receiver = container(pod(Chart.render(ENABLED)));

    assertThat(receiver.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
        .containsExactly("http:8080", "management:9090");
    assertThat(receiver.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(receiver.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
    assertThat(receiver.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(receiver.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
    assertThat(env(receiver).get("CALENDAR_SYNC_RECEIVER_PORT").getValue()).isEqualTo("8080");
    assertThat(env(receiver).get("CALENDAR_SYNC_RECEIVER_MANAGEMENT_PORT").getValue()).isEqualTo("9090");
  }

  @Test
  void portsAreConfigurable() {
    Container receiver = container(pod(Chart.render("receiver: {enabled: true, port: 8443, managementPort: 9443}")));

    assertThat(receiver.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(8443, 9443);
    assertThat(env(receiver).get("CALENDAR_SYNC_RECEIVER_PORT").getValue()).isEqualTo("8443");
    assertThat(env(receiver).get("CALENDAR_SYNC_RECEIVER_MANAGEMENT_PORT").getValue()).isEqualTo("9443");
  }

  @Test
  void redisAndEncryptionKeyComeFromTheOperatorsSecrets() {
    Chart.Manifests manifests = Chart.render("""
        redis: {existingSecret: cache, uriKey: redis-uri}
        encryption: {existingSecret: vault-key, existingSecretKey: aes}
        receiver: {enabled: true}
        """);
    Map<String, EnvVar> receiver = env(container(pod(manifests)));
    Map<String, EnvVar> operator = env(manifests.get(Deployment.class, "calendar-sync-operator").getSpec().getTemplate()
        .getSpec().getContainers().get(0));

    for (String name : new String[] {"CALENDAR_SYNC_REDIS_URI", "CALENDAR_OAUTH_ENCRYPTION_KEY"}) {
      assertThat(receiver.get(name).getValue()).as(name).isNull();
      assertThat(receiver.get(name).getValueFrom()).as(name).isEqualTo(operator.get(name).getValueFrom());
    }
    assertThat(receiver.get("CALENDAR_SYNC_REDIS_URI").getValueFrom().getSecretKeyRef().getName()).isEqualTo("cache");
    assertThat(receiver.get("CALENDAR_OAUTH_ENCRYPTION_KEY").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("aes");
  }

  @Test
  void getsNothingElseSecretAndNoSecretValue() {
    Chart.Manifests manifests = Chart.render(ENABLED);
    String generatedKey = manifests.get(Secret.class, "calendar-sync-operator-encryption").getData().get("encryption-key");
    Map<String, EnvVar> env = env(container(pod(manifests)));

    // No database, no vendor credentials: Redis and the key are all the receiver needs.
    assertThat(env).doesNotContainKeys("CALENDAR_SYNC_DATABASE_URL", "CALENDAR_SYNC_DATABASE_USERNAME",
        "CALENDAR_SYNC_DATABASE_PASSWORD");
    assertThat(env.values()).filteredOn(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
        .extracting(EnvVar::getName).containsExactlyInAnyOrder("CALENDAR_SYNC_REDIS_URI", "CALENDAR_OAUTH_ENCRYPTION_KEY");
    assertThat(Serialization.asYaml(manifests.get(Deployment.class, RECEIVER))).doesNotContain(generatedKey);
    assertThat(pod(manifests).getVolumes()).noneMatch(v -> v.getSecret() != null);
  }

  @Test
  void settingsReachTheReceiver() {
    Map<String, EnvVar> env = env(container(pod(Chart.render("""
        logFormat: text
        logLevel: debug
        receiver:
          enabled: true
          publicUrl: "https://calendar-hooks.example.com"
          jvm: {maxRAMPercentage: 60, extraOptions: "-XX:+ExitOnOutOfMemoryError"}
        """))));

    assertThat(env.get("CALENDAR_SYNC_RECEIVER_PUBLIC_URL").getValue()).isEqualTo("https://calendar-hooks.example.com");
    assertThat(env.get("CALENDAR_SYNC_LOG_FORMAT").getValue()).isEqualTo("text");
    assertThat(env.get("CALENDAR_SYNC_LOG_LEVEL").getValue()).isEqualTo("debug");
    assertThat(env.get("JAVA_TOOL_OPTIONS").getValue()).isEqualTo("-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError");
  }

  @Test
  void replicasResourcesAndImage() {
    Deployment deployment = Chart.render(ENABLED).get(Deployment.class, RECEIVER);
    Container receiver = container(deployment.getSpec().getTemplate().getSpec());

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(receiver.getImage()).isEqualTo("calendarsync/calendar-sync-webhook-receiver:0.1.0");
    assertThat(receiver.getResources().getRequests())
        .isEqualTo(Map.of("cpu", new Quantity("200m"), "memory", new Quantity("256Mi")));
    assertThat(receiver.getResources().getLimits()).isEqualTo(Map.of("memory", new Quantity("384Mi")));

    String digest = "sha256:" + "b".repeat(64);
    assertThat(container(pod(Chart.render("receiver: {enabled: true, replicaCount: 4, image: {digest: \"" + digest
        + "\"}}"))).getImage()).isEqualTo("calendarsync/calendar-sync-webhook-receiver@" + digest);
    assertThat(Chart.render("receiver: {enabled: true, replicaCount: 4}").get(Deployment.class, RECEIVER)
        .getSpec().getReplicas()).isEqualTo(4);
  }

  @Test
  void selectorMatchesReceiverPodsOnlyAndNeverTheOperators() {
    Chart.Manifests manifests = Chart.render(ENABLED);
    Deployment receiver = manifests.get(Deployment.class, RECEIVER);
    Deployment operator = manifests.get(Deployment.class, "calendar-sync-operator");

    assertThat(receiver.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of(
        "app.kubernetes.io/name", "calendar-sync-operator",
        "app.kubernetes.io/instance", "calendar-sync-operator",
        "app.kubernetes.io/component", "webhook-receiver"));
    assertThat(receiver.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(receiver.getSpec().getSelector().getMatchLabels())
        .doesNotContainEntry("app.kubernetes.io/component", "operator");
    assertThat(operator.getSpec().getTemplate().getMetadata().getLabels())
        .doesNotContainEntry("app.kubernetes.io/component", "webhook-receiver");
  }

  @Test
  void schedulingAndPodMetadataArePassedThrough() {
    Deployment deployment = Chart.render("""
        imagePullSecrets: [{name: registry-credentials}]
        receiver:
          enabled: true
          podAnnotations: {example.com/team: calendars}
          podLabels: {cost-center: ops}
          nodeSelector: {kubernetes.io/os: linux}
          tolerations: [{key: dedicated, operator: Equal, value: edge, effect: NoSchedule}]
          topologySpreadConstraints:
            - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}
        """).get(Deployment.class, RECEIVER);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();

    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("example.com/team", "calendars");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("cost-center", "ops");
    assertThat(pod.getImagePullSecrets()).singleElement().satisfies(s -> assertThat(s.getName()).isEqualTo("registry-credentials"));
    assertThat(pod.getNodeSelector()).isEqualTo(Map.of("kubernetes.io/os", "linux"));
    assertThat(pod.getTolerations()).singleElement().satisfies(t -> assertThat(t.getValue()).isEqualTo("edge"));
    assertThat(pod.getTopologySpreadConstraints()).singleElement()
        .satisfies(c -> assertThat(c.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone"));
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(30L);
  }

  @Test
  void everyReceiverObjectCarriesTheStandardLabelsAndTheReleaseNamespace() {
    Chart.Manifests manifests = Chart.render("""
        metrics: {serviceMonitor: {enabled: true}}
        receiver:
          enabled: true
          publicUrl: "https://hooks.example.com"
          ingress: {enabled: true}
          networkPolicy: {enabled: true}
          podDisruptionBudget: {enabled: true}
          autoscaling: {enabled: true}
        """);

    assertThat(manifests.objects()).filteredOn(o -> o.getMetadata().getName().startsWith(RECEIVER))
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder("Deployment", "Service", "Service", "ServiceMonitor", "Ingress", "NetworkPolicy",
            "PodDisruptionBudget", "HorizontalPodAutoscaler");
    assertThat(manifests.objects()).filteredOn(o -> o.getMetadata().getName().startsWith(RECEIVER))
        .allSatisfy(object -> {
          assertThat(object.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
          assertThat(object.getMetadata().getLabels()).as("%s/%s", object.getKind(), object.getMetadata().getName())
              .containsEntry("helm.sh/chart", "calendar-sync-operator-0.1.0")
              .containsEntry("app.kubernetes.io/name", "calendar-sync-operator")
              .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
              .containsEntry("app.kubernetes.io/managed-by", "Helm")
              .containsEntry("app.kubernetes.io/part-of", "calendar-sync")
              .containsEntry("app.kubernetes.io/component", "webhook-receiver");
        });
  }

  static PodSpec pod(Chart.Manifests manifests) {
    return manifests.get(Deployment.class, RECEIVER).getSpec().getTemplate().getSpec();
  }

  static Container container(PodSpec pod) {
    assertThat(pod.getContainers()).extracting(Container::getName).containsExactly("receiver");
    return pod.getContainers().get(0);
  }

  private static Map<String, EnvVar> env(Container container) {
    return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
  }
}
