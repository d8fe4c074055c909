package io.calendarsync.operator.engine;

import io.calendarsync.api.v1alpha1.ConflictPolicy;
import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.operator.sync.SyncTarget;

/**
 * Where the engine reports conflicts: the operator turns them into CalendarSyncConflict resources, Kubernetes Events
 * and stream events. Called during a sync; must not throw for a failure to record (the mapping already says
 * conflict, so nothing is lost when a report fails).
 */
public interface ConflictReporter {

  /** Both sides changed and the policy is Manual: neither side was touched; a person must decide. */
  void conflictDetected(SyncTarget target, DetectedConflict conflict);

  /** Both sides changed and the policy decided: {@code kept} is the side that won. */
  void conflictAutoResolved(SyncTarget target, DetectedConflict conflict, ConflictPolicy policy, ConflictResolution kept);
}
