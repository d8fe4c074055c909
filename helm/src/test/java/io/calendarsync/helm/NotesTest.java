package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NOTES.txt is the first runbook a platform operator sees: the commands in it must fit this release. */
class NotesTest {

  @Test
  void explainHowToCheckTheOperatorAndOnboardACalendar() {
    String notes = Chart.notes("");

    assertThat(notes)
        .contains("kubectl -n calendar-sync rollout status deployment/calendar-sync-operator")
        .contains("kubectl -n calendar-sync get lease calendar-sync-operator")
        .contains("calendar-sync-database", "calendar-sync-redis")
        .contains("Secret \"calendar-sync-operator-encryption\"")
        .contains("kind: CalendarProvider", "apiVersion: calendarsync.io/v1alpha1")
        .contains("calendarsync.io/credentials")
        .contains("kubectl get calendarproviders -A")
        .contains("calendarsync.io/sync-requested-at")
        .contains("calendarsync.io/tenant=");
  }

  @Test
  void followTheConfiguration() {
    String notes = Chart.notes("""
        tenantEnforcement: false
        leaderElection: {enabled: false}
        encryption: {existingSecret: my-key}
        receiver: {publicUrl: "https://hooks.example.com"}
        """);

    assertThat(notes)
        .doesNotContain("calendarsync.io/tenant=", "get lease", "syncInterval", "was generated")
        .contains("my-key  key: encryption-key");
  }
}
