package io.calendarsync.operator.status;

/** The condition types a provider carries; Reconciling and Stalled follow kstatus (present only while true). */
public final class ConditionType {

  public static final String READY = "Ready";
  public static final String CONNECTED = "Connected";
  public static final String SYNCED = "Synced";
  public static final String WEBHOOK_ACTIVE = "WebhookActive";
  public static final String CONFLICT = "Conflict";
  public static final String RECONCILING = "Reconciling";
  public static final String STALLED = "Stalled";

  private ConditionType() {}
}
