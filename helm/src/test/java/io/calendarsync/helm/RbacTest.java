package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Least privilege: the operator gets exactly the permissions its code uses. Rules are flattened into
 * "group resource verb" grants and compared as whole sets, so an extra verb, resource or wildcard fails a test.
 */
class RbacTest {

  /** What the reconcilers call in the namespaces they watch. */
  private static final Set<String> NAMESPACED = grants(
      "calendarsync.io calendarproviders get,list,watch,patch,update",
      "calendarsync.io calendarsyncconflicts get,list,watch,create,patch,update,delete",
      "calendarsync.io calendarproviders/status get,patch,update",
      "calendarsync.io calendarsyncconflicts/status get,patch,update",
      "calendarsync.io calendarproviders/finalizers update",
      "calendarsync.io calendarsyncconflicts/finalizers update",
      // Reads the labelled credentials Secrets, writes its own token Secrets (never deletes: garbage collection does).
      " secrets get,list,watch,create,update,patch",
      " events create,patch");
  /** Tenant enforcement reads namespace labels. */
  private static final Set<String> NAMESPACES = grants(" namespaces get,list,watch");
  /** Leader election, in the release namespace. */
  private static final Set<String> LEASES = grants("coordination.k8s.io leases get,create,update");

  private static final String FULLNAME = "calendar-sync-operator";
  private static final Subject SERVICE_ACCOUNT = new Subject(null, "ServiceAccount", FULLNAME, Chart.NAMESPACE);

  @Test
  void watchingAllNamespacesUsesOneClusterRoleWithExactlyTheNamespacedRules() {
    Chart.Manifests manifests = Chart.render();

    assertThat(grants(manifests.get(ClusterRole.class, FULLNAME).getRules())).isEqualTo(NAMESPACED);
    ClusterRoleBinding binding = manifests.get(ClusterRoleBinding.class, FULLNAME);
    assertThat(binding.getRoleRef()).isEqualTo(new RoleRef("rbac.authorization.k8s.io", "ClusterRole", FULLNAME));
    assertThat(binding.getSubjects()).containsExactly(SERVICE_ACCOUNT);
  }

  @Test
  void defaultsGrantNothingBeyondTheThreeConcerns() {
    Chart.Manifests manifests = Chart.render();

    // Every Role and ClusterRole of the chart, together: the namespaced rules, namespaces and leases, nothing else.
    assertThat(manifests.all(ClusterRole.class)).extracting(r -> r.getMetadata().getName())
        .containsExactlyInAnyOrder(FULLNAME, FULLNAME + "-namespaces");
    assertThat(manifests.all(Role.class)).extracting(r -> r.getMetadata().getName())
        .containsExactly(FULLNAME + "-leader-election");
    Set<String> everything = new HashSet<>();
    manifests.all(ClusterRole.class).forEach(r -> everything.addAll(grants(r.getRules())));
    manifests.all(Role.class).forEach(r -> everything.addAll(grants(r.getRules())));
    assertThat(everything).isEqualTo(union(NAMESPACED, NAMESPACES, LEASES));
  }

  @Test
  void watchingListedNamespacesUsesARolePerNamespaceAndNoNamespacedClusterRole() {
    Chart.Manifests manifests = Chart.render("watchNamespaces: [team-a, team-b]");

    for (String namespace : List.of("team-a", "team-b")) {
      Role role = manifests.all(Role.class).stream()
          .filter(r -> namespace.equals(r.getMetadata().getNamespace())).findFirst().orElseThrow();
      assertThat(role.getMetadata().getName()).isEqualTo(FULLNAME);
      assertThat(grants(role.getRules())).isEqualTo(NAMESPACED);
      RoleBinding binding = manifests.all(RoleBinding.class).stream()
          .filter(b -> namespace.equals(b.getMetadata().getNamespace())).findFirst().orElseThrow();
      assertThat(binding.getRoleRef()).isEqualTo(new RoleRef("rbac.authorization.k8s.io", "Role", FULLNAME));
      // The ServiceAccount lives in the release namespace, not in the watched one.
      assertThat(binding.getSubjects()).containsExactly(SERVICE_ACCOUNT);
    }
    assertThat(manifests.find(ClusterRole.class, FULLNAME)).isEmpty();
    assertThat(manifests.find(ClusterRoleBinding.class, FULLNAME)).isEmpty();
    // What is left cluster-wide is only the namespace read for tenant enforcement.
    assertThat(manifests.all(ClusterRole.class)).singleElement()
        .satisfies(r -> assertThat(grants(r.getRules())).isEqualTo(NAMESPACES));
  }

  @Test
  void namespacesAreReadableOnlyWithTenantEnforcement() {
    for (String watch : List.of("[]", "[team-a]")) {
      Chart.Manifests enforced = Chart.render("tenantEnforcement: true\nwatchNamespaces: " + watch);
      assertThat(grants(enforced.get(ClusterRole.class, FULLNAME + "-namespaces").getRules())).isEqualTo(NAMESPACES);
      assertThat(enforced.get(ClusterRoleBinding.class, FULLNAME + "-namespaces").getSubjects())
          .containsExactly(SERVICE_ACCOUNT);

      Chart.Manifests open = Chart.render("tenantEnforcement: false\nwatchNamespaces: " + watch);
      assertThat(open.find(ClusterRole.class, FULLNAME + "-namespaces")).isEmpty();
      assertThat(open.find(ClusterRoleBinding.class, FULLNAME + "-namespaces")).isEmpty();
      assertThat(open.all(ClusterRole.class)).noneMatch(r -> grants(r.getRules()).stream().anyMatch(g -> g.contains("namespaces")));
    }
  }

  @Test
  void leasesAreWritableOnlyWithLeaderElectionAndOnlyInTheReleaseNamespace() {
    Chart.Manifests elected = Chart.render("leaderElection: {enabled: true}");
    Role role = elected.get(Role.class, FULLNAME + "-leader-election");
    assertThat(role.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(grants(role.getRules())).isEqualTo(LEASES);
    RoleBinding binding = elected.get(RoleBinding.class, FULLNAME + "-leader-election");
    assertThat(binding.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(binding.getSubjects()).containsExactly(SERVICE_ACCOUNT);

    Chart.Manifests single = Chart.render("leaderElection: {enabled: false}");
    assertThat(single.find(Role.class, FULLNAME + "-leader-election")).isEmpty();
    assertThat(single.find(RoleBinding.class, FULLNAME + "-leader-election")).isEmpty();
  }

  @Test
  void rbacCreateFalseRendersNoRbacAtAll() {
    // For clusters where RBAC is managed elsewhere; the ServiceAccount and Deployment remain.
    Chart.Manifests manifests = Chart.render("rbac: {create: false}");

    assertThat(Stream.of("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding").map(manifests::ofKind))
        .allSatisfy(objects -> assertThat(objects).isEmpty());
    assertThat(manifests.deployment()).isNotNull();
  }

  /** "group resource verb1,verb2" lines into one "group resource verb" string per grant. */
  private static Set<String> grants(String... lines) {
    Set<String> grants = new HashSet<>();
    for (String line : lines) {
      String[] parts = line.split(" ");
      for (String verb : parts[2].split(",")) {
        grants.add(parts[0] + " " + parts[1] + " " + verb);
      }
    }
    return grants;
  }

  private static Set<String> grants(List<PolicyRule> rules) {
    Set<String> grants = new HashSet<>();
    for (PolicyRule rule : rules) {
      // Rules narrowed by name or about non-resource URLs are not part of the contract: make them show up as a difference.
      assertThat(rule.getResourceNames()).as("resourceNames in %s", rule).isNullOrEmpty();
      assertThat(rule.getNonResourceURLs()).as("nonResourceURLs in %s", rule).isNullOrEmpty();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            grants.add(group + " " + resource + " " + verb);
          }
        }
      }
    }
    return grants;
  }

  @SafeVarargs
  private static Set<String> union(Collection<String>... sets) {
    Set<String> union = new HashSet<>();
    for (Collection<String> set : sets) {
      union.addAll(set);
    }
    return union;
  }
}
