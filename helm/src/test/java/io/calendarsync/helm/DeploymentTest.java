package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.CapabilitiesBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The operator Deployment: hardening, probes, configuration and Secret wiring, scheduling knobs. */
class DeploymentTest {

  private static final Capabilities DROP_ALL = new CapabilitiesBuilder().withDrop("ALL").build();

  @Test
  void podAndContainerRunLockedDown() {
    PodSpec pod = Chart.render().deployment().getSpec().getTemplate().getSpec();

    // Compared whole, so a loosened or an extra field (privileged, added capabilities, another user) fails.
    assertThat(pod.getSecurityContext()).isEqualTo(new PodSecurityContextBuilder()
        .withRunAsNonRoot(true).withRunAsUser(65532L).withRunAsGroup(65532L).withFsGroup(65532L)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build());
    assertThat(operator(pod).getSecurityContext()).isEqualTo(new SecurityContextBuilder()
        .withRunAsNonRoot(true).withRunAsUser(65532L).withRunAsGroup(65532L)
        .withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false).withPrivileged(false)
        .withCapabilities(DROP_ALL)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build());
  }

  @Test
  void readOnlyRootFilesystemGetsAWritableTmp() {
    PodSpec pod = Chart.render().deployment().getSpec().getTemplate().getSpec();

    assertThat(operator(pod).getVolumeMounts())
        .singleElement()
        .satisfies(mount -> {
          assertThat(mount.getMountPath()).isEqualTo("/tmp");
          assertThat(pod.getVolumes()).singleElement().satisfies(volume -> {
            assertThat(volume.getName()).isEqualTo(mount.getName());
            assertThat(volume.getEmptyDir()).isNotNull();
          });
        });
  }

  @Test
  void probesCheckHealthAndReadinessOnTheHttpPort() {
    Container operator = operator(Chart.render().deployment().getSpec().getTemplate().getSpec());

    assertThat(operator.getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getName()).isEqualTo("http");
      assertThat(port.getContainerPort()).isEqualTo(8080);
    });
    assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(operator.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(operator.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  @Test
  void changingTheHttpPortMovesTheContainerPortAndTellsTheOperator() {
    Container operator = operator(Chart.render("containerPort: 9090").deployment().getSpec().getTemplate().getSpec());

    assertThat(operator.getPorts().get(0).getContainerPort()).isEqualTo(9090);
    assertThat(env(operator).get("CALENDAR_SYNC_HTTP_PORT").getValue()).isEqualTo("9090");
  }

  @Test
  void resourcesRequestCpuAndMemoryAndLimitOnlyMemory() {
    Container operator = operator(Chart.render().deployment().getSpec().getTemplate().getSpec());

    assertThat(operator.getResources().getRequests())
        .isEqualTo(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("384Mi")));
    // A CPU limit would throttle JVM start-up and GC; memory is what the heap percentage is computed from.
    assertThat(operator.getResources().getLimits()).isEqualTo(Map.of("memory", new Quantity("512Mi")));
  }

  @Test
  void databaseRedisAndEncryptionKeyComeFromSecretKeyReferences() {
    Map<String, EnvVar> env = env(operator(Chart.render().deployment().getSpec().getTemplate().getSpec()));

    assertThat(secretRef(env, "CALENDAR_SYNC_DATABASE_URL")).isEqualTo(key("calendar-sync-database", "url"));
    assertThat(secretRef(env, "CALENDAR_SYNC_DATABASE_USERNAME")).isEqualTo(key("calendar-sync-database", "username"));
    assertThat(secretRef(env, "CALENDAR_SYNC_DATABASE_PASSWORD")).isEqualTo(key("calendar-sync-database", "password"));
    assertThat(secretRef(env, "CALENDAR_SYNC_REDIS_URI")).isEqualTo(key("calendar-sync-redis", "uri"));
    assertThat(secretRef(env, "CALENDAR_OAUTH_ENCRYPTION_KEY"))
        .isEqualTo(key("calendar-sync-operator-encryption", "encryption-key"));
  }

  @Test
  void secretNamesAndKeysAreConfigurable() {
    Map<String, EnvVar> env = env(operator(Chart.render("""
        database: {existingSecret: pg, urlKey: jdbc-url, usernameKey: user, passwordKey: pass}
        redis: {existingSecret: cache, uriKey: redis-uri}
        encryption: {existingSecret: vault-key, existingSecretKey: aes}
        """).deployment().getSpec().getTemplate().getSpec()));

    assertThat(secretRef(env, "CALENDAR_SYNC_DATABASE_URL")).isEqualTo(key("pg", "jdbc-url"));
    assertThat(secretRef(env, "CALENDAR_SYNC_DATABASE_USERNAME")).isEqualTo(key("pg", "user"));
    assertThat(secretRef(env, "CALENDAR_SYNC_DATABASE_PASSWORD")).isEqualTo(key("pg", "pass"));
    assertThat(secretRef(env, "CALENDAR_SYNC_REDIS_URI")).isEqualTo(key("cache", "redis-uri"));
    assertThat(secretRef(env, "CALENDAR_OAUTH_ENCRYPTION_KEY")).isEqualTo(key("vault-key", "aes"));
  }

  @Test
  void noSecretValueIsRenderedIntoTheDeployment() {
    Chart.Manifests manifests = Chart.render();
    String deployment = Serialization.asYaml(manifests.deployment());
    String generatedKey = manifests.get(Secret.class, "calendar-sync-operator-encryption")
        .getData().get("encryption-key");

    // Anything credential-like is a reference, never a literal value.
    assertThat(env(operator(manifests.deployment().getSpec().getTemplate().getSpec())).values())
        .filteredOn(e -> e.getName().matches(".*(DATABASE|REDIS|KEY|PASSWORD|TOKEN|SECRET).*"))
        .isNotEmpty()
        .allSatisfy(e -> {
          assertThat(e.getValue()).as(e.getName()).isNull();
          assertThat(e.getValueFrom().getSecretKeyRef()).as(e.getName()).isNotNull();
        });
    assertThat(deployment).doesNotContain(generatedKey);
    assertThat(manifests.deployment().getSpec().getTemplate().getSpec().getVolumes())
        .noneMatch(v -> v.getSecret() != null);
  }

  @Test
  void operatorSettingsArePlainEnvironmentVariables() {
    Map<String, EnvVar> env = env(operator(Chart.render().deployment().getSpec().getTemplate().getSpec()));

    assertThat(env.get("CALENDAR_SYNC_WATCH_NAMESPACES").getValue()).isEmpty();
    assertThat(env.get("CALENDAR_SYNC_TENANT_ENFORCEMENT").getValue()).isEqualTo("true");
    assertThat(env.get("CALENDAR_SYNC_LEADER_ELECTION").getValue()).isEqualTo("true");
    assertThat(env.get("CALENDAR_SYNC_LEADER_ELECTION_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
    assertThat(env.get("CALENDAR_SYNC_LEADER_ELECTION_LEASE").getValue()).isEqualTo("calendar-sync-operator");
    assertThat(env.get("POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
    assertThat(env.get("CALENDAR_SYNC_HTTP_PORT").getValue()).isEqualTo("8080");
    assertThat(env.get("CALENDAR_SYNC_LOG_FORMAT").getValue()).isEqualTo("json");
    assertThat(env.get("CALENDAR_SYNC_LOG_LEVEL").getValue()).isEqualTo("info");
    assertThat(env.get("JAVA_TOOL_OPTIONS").getValue()).isEqualTo("-XX:MaxRAMPercentage=75");
    // No public URL, no push channels: the variable is absent rather than empty.
    assertThat(env).doesNotContainKey("CALENDAR_SYNC_RECEIVER_PUBLIC_URL");
    assertThat(env.get("CALENDAR_SYNC_PUSH_RENEWAL_LEAD").getValue()).isEqualTo("24h");
  }

  @Test
  void overriddenSettingsReachTheOperator() {
    Map<String, EnvVar> env = env(operator(Chart.render("""
        watchNamespaces: [team-a, team-b]
        tenantEnforcement: false
        leaderElection: {leaseName: calsync-leader}
        logFormat: text
        logLevel: debug
        jvm: {maxRAMPercentage: 60.5, extraOptions: "-XX:+ExitOnOutOfMemoryError"}
        receiver: {publicUrl: "https://calendar-hooks.example.com"}
        push: {renewalLead: 12h}
        extraEnv:
          - {name: HTTPS_PROXY, value: "http://proxy:3128"}
        """).deployment().getSpec().getTemplate().getSpec()));

    assertThat(env.get("CALENDAR_SYNC_WATCH_NAMESPACES").getValue()).isEqualTo("team-a,team-b");
    assertThat(env.get("CALENDAR_SYNC_TENANT_ENFORCEMENT").getValue()).isEqualTo("false");
    assertThat(env.get("CALENDAR_SYNC_LEADER_ELECTION_LEASE").getValue()).isEqualTo("calsync-leader");
    assertThat(env.get("CALENDAR_SYNC_LOG_FORMAT").getValue()).isEqualTo("text");
    assertThat(env.get("CALENDAR_SYNC_LOG_LEVEL").getValue()).isEqualTo("debug");
    assertThat(env.get("JAVA_TOOL_OPTIONS").getValue()).isEqualTo("-XX:MaxRAMPercentage=60.5 -XX:+ExitOnOutOfMemoryError");
    assertThat(env.get("CALENDAR_SYNC_RECEIVER_PUBLIC_URL").getValue()).isEqualTo("https://calendar-hooks.example.com");
    assertThat(env.get("CALENDAR_SYNC_PUSH_RENEWAL_LEAD").getValue()).isEqualTo("12h");
    assertThat(env.get("HTTPS_PROXY").getValue()).isEqualTo("http://proxy:3128");
  }

  @Test
  void withoutLeaderElectionThereIsNoLeaseAndOldAndNewPodsNeverOverlap() {
    Deployment deployment = Chart.render("leaderElection: {enabled: false}").deployment();
    Map<String, EnvVar> env = env(operator(deployment.getSpec().getTemplate().getSpec()));

    assertThat(env.get("CALENDAR_SYNC_LEADER_ELECTION").getValue()).isEqualTo("false");
    assertThat(env).doesNotContainKeys("CALENDAR_SYNC_LEADER_ELECTION_NAMESPACE", "CALENDAR_SYNC_LEADER_ELECTION_LEASE");
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
  }

  @Test
  void withLeaderElectionTheNewPodStartsBeforeTheOldOneStops() {
    Deployment deployment = Chart.render("replicaCount: 2").deployment();

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
  }

  @Test
  void severalReplicasWithoutLeaderElectionAreRefused() {
    // Two active operators would sync the same providers concurrently, breaking "one sync at a time".
    assertThat(Chart.renderFailure("""
        replicaCount: 2
        leaderElection: {enabled: false}
        """)).contains("replicaCount > 1 needs leaderElection.enabled=true");
  }

  @Test
  void imageTagDefaultsToTheAppVersionAndADigestPinsIt() throws IOException {
    String appVersion = (String) Serialization.unmarshal(Files.readString(Chart.DIRECTORY.resolve("Chart.yaml")), Map.class)
        .get("appVersion");
    String digest = "sha256:" + "a".repeat(64);

    assertThat(operator(Chart.render().deployment().getSpec().getTemplate().getSpec()).getImage())
        .isEqualTo("calendarsync/calendar-sync-operator:" + appVersion);
    assertThat(operator(Chart.render("image: {tag: \"0.2.0\"}").deployment().getSpec().getTemplate().getSpec()).getImage())
        .isEqualTo("calendarsync/calendar-sync-operator:0.2.0");
    assertThat(operator(Chart.render("image: {digest: \"" + digest + "\"}").deployment().getSpec().getTemplate().getSpec())
        .getImage()).isEqualTo("calendarsync/calendar-sync-operator@" + digest);
  }

  @Test
  void podRunsAsItsServiceAccountWithTheTokenMounted() {
    PodSpec pod = Chart.render().deployment().getSpec().getTemplate().getSpec();

    assertThat(pod.getServiceAccountName()).isEqualTo("calendar-sync-operator");
    assertThat(pod.getAutomountServiceAccountToken()).isTrue();
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(60L);
  }

  @Test
  void selectorOnlyMatchesOperatorPods() {
    Deployment deployment = Chart.render().deployment();

    // The component label keeps the receiver's pods (same release, added later) out of the operator's selectors.
    assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of(
        "app.kubernetes.io/name", "calendar-sync-operator",
        "app.kubernetes.io/instance", "calendar-sync-operator",
        "app.kubernetes.io/component", "operator"));
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void schedulingAndPodMetadataArePassedThrough() {
    Deployment deployment = Chart.render("""
        podAnnotations: {example.com/team: calendars}
        podLabels: {cost-center: ops}
        imagePullSecrets: [{name: registry-credentials}]
        priorityClassName: platform-critical
        terminationGracePeriodSeconds: 120
        nodeSelector: {kubernetes.io/os: linux}
        tolerations: [{key: dedicated, operator: Equal, value: platform, effect: NoSchedule}]
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [amd64]}]
        """).deployment();
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();

    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("example.com/team", "calendars");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("cost-center", "ops");
    assertThat(pod.getImagePullSecrets()).singleElement().satisfies(s -> assertThat(s.getName()).isEqualTo("registry-credentials"));
    assertThat(pod.getPriorityClassName()).isEqualTo("platform-critical");
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(120L);
    assertThat(pod.getNodeSelector()).isEqualTo(Map.of("kubernetes.io/os", "linux"));
    assertThat(pod.getTolerations()).singleElement().satisfies(t -> assertThat(t.getKey()).isEqualTo("dedicated"));
    assertThat(pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms().get(0).getMatchExpressions().get(0).getValues()).containsExactly("amd64");
  }

  private static Container operator(PodSpec pod) {
    assertThat(pod.getContainers()).extracting(Container::getName).containsExactly("operator");
    return pod.getContainers().get(0);
  }

  private static Map<String, EnvVar> env(Container container) {
    return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
  }

  private static SecretKeySelector secretRef(Map<String, EnvVar> env, String name) {
    EnvVar var = env.get(name);
    assertThat(var).as(name).isNotNull();
    assertThat(var.getValue()).as("%s must not carry a literal value", name).isNull();
    return var.getValueFrom().getSecretKeyRef();
  }

  private static SecretKeySelector key(String secret, String key) {
    return new SecretKeySelector(key, secret, null);
  }
}
