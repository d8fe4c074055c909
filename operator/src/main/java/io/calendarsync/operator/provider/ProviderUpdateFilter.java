package io.calendarsync.operator.provider;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;

import java.util.Objects;

/**
 * Which updates of a provider deserve a reconcile. Generation-aware processing is off because it would swallow the
 * annotation-only change that is Sync Now; this filter restores the rest of it, so the operator's own status patches
 * never wake it again.
 */
public class ProviderUpdateFilter implements OnUpdateFilter<CalendarProvider> {

  @Override
  public boolean accept(CalendarProvider updated, CalendarProvider old) {
    var now = updated.getMetadata();
    var before = old.getMetadata();
    return !Objects.equals(now.getGeneration(), before.getGeneration())
        || !Objects.equals(now.getAnnotations(), before.getAnnotations())
        || !Objects.equals(now.getFinalizers(), before.getFinalizers())
        || !Objects.equals(now.getDeletionTimestamp(), before.getDeletionTimestamp());
  }
}
