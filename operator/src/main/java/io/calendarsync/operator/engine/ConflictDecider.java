package io.calendarsync.operator.engine;

import io.calendarsync.api.v1alpha1.ConflictPolicy;
import io.calendarsync.api.v1alpha1.ConflictResolution;

import java.util.Optional;

/**
 * Applies a provider's conflict policy to a conflict: which side wins, or none (Manual). NewestWins compares the
 * entry's update time with the event's last-modified time; a deleted side counts as changed at the moment the sync
 * saw it, so a fresh edit beats an older deletion and vice versa.
 */
final class ConflictDecider {

  private ConflictDecider() {}

  static Optional<ConflictResolution> decide(ConflictPolicy policy, DetectedConflict conflict) {
    return switch (policy) {
      case Manual -> Optional.empty();
      case PreferInternal -> Optional.of(ConflictResolution.KeepInternal);
      case PreferExternal -> Optional.of(ConflictResolution.KeepExternal);
      case NewestWins -> Optional.of(newest(conflict));
    };
  }

  private static ConflictResolution newest(DetectedConflict conflict) {
    var internal = conflict.internal().filter(e -> !e.deleted()).map(e -> e.updatedAt())
        .or(() -> conflict.internal().map(e -> e.deletedAt()));
    var external = conflict.external().filter(e -> !e.cancelled()).map(e -> e.lastModified());
    if (internal.isEmpty()) {
      return ConflictResolution.KeepExternal;
    }
    if (external.isEmpty()) {
      return ConflictResolution.KeepInternal;
    }
    return internal.get().isAfter(external.get()) ? ConflictResolution.KeepInternal : ConflictResolution.KeepExternal;
  }
}
