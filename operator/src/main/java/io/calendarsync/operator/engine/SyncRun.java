package io.calendarsync.operator.engine;

import io.calendarsync.api.v1alpha1.SyncCounts;
import io.calendarsync.operator.store.ChangeOrigin;
import io.calendarsync.operator.store.ProviderKey;
import io.calendarsync.operator.store.ProviderLock;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.ExternalCalendar;
import io.calendarsync.operator.vendor.TimeWindow;

import java.time.Clock;

/** Everything one sync of one provider works with, and what it has done so far. */
final class SyncRun {

  final SyncTarget target;
  final ProviderKey provider;
  final ChangeOrigin origin;
  final ProviderLock lock;
  final ExternalCalendar calendar;
  final TimeWindow window;
  final Clock clock;
  final SyncCounts counts = new SyncCounts();

  SyncRun(SyncTarget target, ProviderLock lock, ExternalCalendar calendar, TimeWindow window, Clock clock) {
    this.target = target;
    this.provider = new ProviderKey(target.namespace(), target.name());
    this.origin = ChangeOrigin.provider(provider);
    this.lock = lock;
    this.calendar = calendar;
    this.window = window;
    this.clock = clock;
  }

  String tenant() {
    return target.spec().getTenant();
  }

  String userId() {
    return target.spec().getUserId();
  }

  void createdExternal() {
    counts.setCreatedExternal(counts.getCreatedExternal() + 1);
  }

  void updatedExternal() {
    counts.setUpdatedExternal(counts.getUpdatedExternal() + 1);
  }

  void deletedExternal() {
    counts.setDeletedExternal(counts.getDeletedExternal() + 1);
  }

  void createdInternal(int entries) {
    counts.setCreatedInternal(counts.getCreatedInternal() + entries);
  }

  void updatedInternal() {
    counts.setUpdatedInternal(counts.getUpdatedInternal() + 1);
  }

  void deletedInternal() {
    counts.setDeletedInternal(counts.getDeletedInternal() + 1);
  }

  void conflict() {
    counts.setConflicts(counts.getConflicts() + 1);
  }

  void error() {
    counts.setErrors(counts.getErrors() + 1);
  }

  void skipped() {
    skipped(1);
  }

  void skipped(int events) {
    counts.setSkipped(counts.getSkipped() + events);
  }
}
