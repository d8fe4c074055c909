package io.calendarsync.api.redis;

import java.util.Optional;

/** Google's X-Goog-Resource-State for a calendar's events. */
public enum ResourceState implements WireName {
  /** The channel was just created; nothing changed. Never enqueued. */
  SYNC("sync"),
  /** The resource changed. */
  EXISTS("exists"),
  /** The resource was deleted. */
  NOT_EXISTS("not_exists");

  private final String wireName;

  ResourceState(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static Optional<ResourceState> fromWireName(String wireName) {
    return WireName.parse(ResourceState.class, wireName);
  }
}
