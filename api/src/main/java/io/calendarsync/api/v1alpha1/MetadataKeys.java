package io.calendarsync.api.v1alpha1;

/** Labels and annotations with a meaning to the operator, all under {@code calendarsync.io/}. */
public final class MetadataKeys {

  /** Annotation on a provider: any new value asks for a sync now; the handled value is echoed to status. */
  public static final String SYNC_REQUESTED_AT = "calendarsync.io/sync-requested-at";

  /** Namespace label naming the tenant whose providers may live there (checked when tenant enforcement is on). */
  public static final String TENANT = "calendarsync.io/tenant";

  /**
   * Label a credentials Secret must carry so the operator's narrow Secret watch sees it (the operator never caches
   * Secrets without it).
   */
  public static final String CREDENTIALS = "calendarsync.io/credentials";

  private MetadataKeys() {}
}
