package io.calendarsync.api.redis;

import java.util.Optional;

/** The Graph subscription lifecycle events, spelled as Graph sends them. */
public enum LifecycleEvent implements WireName {
  /** The subscription's access expires soon: reauthorize (or recreate) it. */
  REAUTHORIZATION_REQUIRED("reauthorizationRequired"),
  /** Graph removed the subscription: create a new one and resync. */
  SUBSCRIPTION_REMOVED("subscriptionRemoved"),
  /** Graph dropped notifications: resync. */
  MISSED("missed");

  private final String wireName;

  LifecycleEvent(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static Optional<LifecycleEvent> fromWireName(String wireName) {
    return WireName.parse(LifecycleEvent.class, wireName);
  }
}
