package io.calendarsync.operator.vendor;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The versions (etag / changeKey) the engine recorded at its last sync of events, so an adapter whose change feed
 * lacks what the engine needs can still leave out reading events the engine already holds at that version: its own
 * writes coming back, mostly.
 */
@FunctionalInterface
public interface HeldVersions {

  /** Holds nothing: every reported event is read. */
  HeldVersions NONE = ids -> Map.of();

  /** The version last synced of each of these events the engine holds; events it does not hold are absent. */
  Map<String, String> of(Collection<String> eventIds);

  /**
   * The ids of the events the engine holds as series. A vendor that reports a deleted occurrence only as an unknown
   * removed id (Graph) reads these series again to learn which occurrence it was. Holds none unless overridden.
   */
  default List<String> series() {
    return List.of();
  }
}
