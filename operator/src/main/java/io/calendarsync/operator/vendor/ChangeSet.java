package io.calendarsync.operator.vendor;

import java.util.List;

/**
 * What changed in a calendar since a cursor (every page already fetched).
 *
 * @param changed events created or updated, deleted ones as cancelled tombstones (Google), and the deleted
 *     occurrences of series read in this round as cancelled occurrences (Graph)
 * @param removedIds ids the vendor reported as removed without content (Graph {@code @removed}); for Graph this
 *     includes events that merely left the window, so the engine checks existence before treating one as deleted
 * @param nextCursor the Google sync token or Graph delta link to pass next time
 * @param fullListing true when this set is a full listing of the window (first sync, or after the vendor expired the
 *     cursor): events the engine maps that are absent from it are gone or out of the window
 * @param skipped how many reported events the adapter could not express in the port's terms and left out (each is
 *     logged with its reason); the sync counts them so a person sees that something was not synced
 */
public record ChangeSet(List<ExternalEvent> changed, List<String> removedIds, String nextCursor, boolean fullListing,
    int skipped) {

  public ChangeSet {
    if (skipped < 0) {
      throw new IllegalArgumentException("skipped must not be negative: " + skipped);
    }
    changed = List.copyOf(changed);
    removedIds = List.copyOf(removedIds);
  }
}
