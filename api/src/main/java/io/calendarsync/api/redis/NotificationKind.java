package io.calendarsync.api.redis;

import java.util.Optional;

/** What a stream entry tells the operator. */
public enum NotificationKind implements WireName {
  /** Something changed in the calendar: sync the provider. */
  CHANGE("change"),
  /** A Graph subscription needs attention ({@link LifecycleEvent}). */
  LIFECYCLE("lifecycle");

  private final String wireName;

  NotificationKind(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static Optional<NotificationKind> fromWireName(String wireName) {
    return WireName.parse(NotificationKind.class, wireName);
  }
}
