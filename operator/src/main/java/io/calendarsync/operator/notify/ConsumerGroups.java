package io.calendarsync.operator.notify;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;

/** The consumer groups through which the leader reads the streams the receiver writes. */
public final class ConsumerGroups {

  private ConsumerGroups() {}

  /**
   * Creates {@code group} on {@code stream} (and the stream) unless it exists. From the stream's start rather than
   * {@code $}: entries the receiver queued before the group existed (first start, or Redis restarted without its data)
   * are delivered instead of skipped.
   */
  public static void ensure(RedisCommands<String, String> redis, String stream, String group) {
    try {
      redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream());
    } catch (RedisBusyException alreadyThere) {
      // BUSYGROUP: another replica or an earlier run created it.
    }
  }
}
