package io.calendarsync.operator.provider;

import io.calendarsync.operator.store.ChangeNotificationHandler;
import io.calendarsync.operator.store.ChangeOrigin;
import io.calendarsync.operator.store.EntryKey;

import java.util.Set;

/**
 * Turns the database's change notifications into provider wake-ups, so a platform edit reaches the calendar within
 * moments rather than at the next safety-net sync. Each notification names the users who had the entry before and
 * after; a burst for one provider coalesces into one or two reconciles (JOSDK queues at most one behind a running one).
 * The provider a change came from is not woken: it wrote the change itself and would find nothing to send back.
 */
public final class ScheduleChangeWakeUps implements ChangeNotificationHandler {

  private final CalendarProviderReconciler reconciler;

  public ScheduleChangeWakeUps(CalendarProviderReconciler reconciler) {
    this.reconciler = reconciler;
  }

  @Override
  public void entryChanged(EntryKey entry, Set<String> users, ChangeOrigin origin) {
    reconciler.wakeProvidersOf(entry.tenant(), users, origin);
  }

  @Override
  public void listening() {
    reconciler.wakeAll();
  }
}
