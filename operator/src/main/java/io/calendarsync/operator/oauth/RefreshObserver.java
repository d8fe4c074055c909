package io.calendarsync.operator.oauth;

import io.calendarsync.api.v1alpha1.Vendor;

/** Told about every token refresh, for metrics. */
@FunctionalInterface
public interface RefreshObserver {

  void refreshed(Vendor vendor, RefreshResult result);
}
