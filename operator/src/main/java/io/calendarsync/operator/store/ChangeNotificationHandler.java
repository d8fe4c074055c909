package io.calendarsync.operator.store;

import java.util.Set;

/** What {@link ChangeNotificationListener} calls, on its own thread; keep both methods quick (enqueue work). */
public interface ChangeNotificationHandler {

  /**
   * A transaction that changed this entry has committed; {@code users} had the entry before or have it after, and
   * {@code origin} made the change.
   */
  void entryChanged(EntryKey entry, Set<String> users, ChangeOrigin origin);

  /**
   * The listener is listening, for the first time or again after losing its connection. Notifications sent while it
   * was not are lost for good, so read the change log of every provider now.
   */
  void listening();
}
