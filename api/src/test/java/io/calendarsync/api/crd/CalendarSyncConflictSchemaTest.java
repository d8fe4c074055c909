package io.calendarsync.api.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A person resolves a conflict once; the schema keeps the decision from being flipped or dropped mid-way. */
class CalendarSyncConflictSchemaTest {

  private static final CrdSchemaValidator SCHEMA =
      new CrdSchemaValidator(CrdFiles.parse(CrdFiles.generate().get("calendarsyncconflicts.calendarsync.io-v1.yml")));

  private static ObjectNode conflict(String resolution) {
    ObjectNode conflict = (ObjectNode) CrdSchemaValidator.yaml("""
        apiVersion: calendarsync.io/v1alpha1
        kind: CalendarSyncConflict
        metadata: {name: c, namespace: acme}
        spec: {providerName: alice-google, entryId: e-1, externalEventId: ev1}
        """);
    if (resolution != null) {
      ((ObjectNode) conflict.get("spec")).put("resolution", resolution);
    }
    return conflict;
  }

  @Test
  void aPersonCanSetAResolution() {
    assertThat(SCHEMA.validateUpdate(conflict(null), conflict("KeepExternal"))).isEmpty();
  }

  @Test
  void aResolutionCannotBeFlippedOrRemoved() {
    assertThat(SCHEMA.validateUpdate(conflict("KeepInternal"), conflict("KeepExternal")))
        .containsExactly("spec.resolution: resolution cannot be changed or removed once set");
    assertThat(SCHEMA.validateUpdate(conflict("KeepInternal"), conflict(null)))
        .containsExactly("spec.resolution: resolution cannot be changed or removed once set");
  }

  @Test
  void anUnknownResolutionIsRefused() {
    assertThat(SCHEMA.validateCreate(conflict("KeepBoth"))).singleElement().asString().contains("resolution");
  }

  @Test
  void theConflictingPairCannotBeRepointed() {
    ObjectNode repointed = conflict(null);
    ((ObjectNode) repointed.get("spec")).put("entryId", "e-2");
    assertThat(SCHEMA.validateUpdate(conflict(null), repointed)).containsExactly("spec.entryId: entryId is immutable");
  }
}
