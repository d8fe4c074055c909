package io.calendarsync.operator.sync;

import io.calendarsync.api.v1alpha1.CalendarProviderSpec;

/**
 * Which provider to sync. The key is namespace/name rather than the uid, so a provider deleted and re-created under
 * the same name finds (adopts) the events it wrote before instead of copying them.
 */
public record SyncTarget(String namespace, String name, CalendarProviderSpec spec, ProviderCredentials credentials) {

  public String key() {
    return namespace + "/" + name;
  }
}
