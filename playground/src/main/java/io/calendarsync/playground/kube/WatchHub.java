package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every committed change, in resourceVersion order, fanned out to watchers and kept in a bounded history so a watch
 * that starts from a resourceVersion (what kubectl wait, kubectl get -w and informers do after their list) gets
 * exactly the changes after it, and one that starts too far back gets 410 Expired and relists.
 */
final class WatchHub {

  enum Type { ADDED, MODIFIED, DELETED }

  /** One change of one object; for a deletion, {@code object} is the last state with the deletion's version. */
  record Change(long resourceVersion, Type type, ResourceType resource, String namespace, String name,
      ObjectNode previous, ObjectNode object) {
  }

  interface Listener {
    /** Called in commit order while the store is locked: must not block. */
    void onChange(Change change);
  }

  static final class Expired extends Exception {
    Expired(String message) {
      super(message);
    }
  }

  private final int capacity;
  private final Deque<Change> history = new ArrayDeque<>();
  private final List<Listener> controllers = new CopyOnWriteArrayList<>();
  private final List<Listener> watchers = new CopyOnWriteArrayList<>();
  private long newestVersion;
  private long oldestReplayable;

  WatchHub(int capacity) {
    this.capacity = capacity;
  }

  synchronized void publish(Change change) {
    history.addLast(change);
    newestVersion = Math.max(newestVersion, change.resourceVersion());
    while (history.size() > capacity) {
      Change dropped = history.removeFirst();
      oldestReplayable = dropped.resourceVersion();
    }
    for (Listener listener : controllers) {
      listener.onChange(change);
    }
    for (Listener listener : watchers) {
      listener.onChange(change);
    }
  }

  /** Listens to every future change (internal controllers: CRD registration, garbage collection). */
  void listen(Listener listener) {
    controllers.add(listener);
  }

  /**
   * Replays the retained changes after {@code fromVersion} to the listener, then keeps it listening, atomically.
   *
   * @throws Expired when changes after {@code fromVersion} are no longer retained
   */
  synchronized void subscribe(long fromVersion, Listener listener) throws Expired {
    if (fromVersion < oldestReplayable) {
      throw new Expired("too old resource version: " + fromVersion + " (" + (oldestReplayable + 1) + ")");
    }
    for (Change change : history) {
      if (change.resourceVersion() > fromVersion) {
        listener.onChange(change);
      }
    }
    watchers.add(listener);
  }

  void unsubscribe(Listener listener) {
    watchers.remove(listener);
  }

  /** How many client watches are open on a namespace (null: across all namespaces or cluster-scoped). */
  int watcherCount(String namespace) {
    return (int) watchers.stream().filter(w -> w instanceof WatchStream stream
        && java.util.Objects.equals(stream.namespace(), namespace)).count();
  }
}
