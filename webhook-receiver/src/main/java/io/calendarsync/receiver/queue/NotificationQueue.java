package io.calendarsync.receiver.queue;

import io.calendarsync.api.redis.Notification;
import io.calendarsync.api.redis.NotificationCodec;
import io.calendarsync.api.redis.RedisKeys;
import io.lettuce.core.ScriptOutputType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Appends verified notifications to {@link RedisKeys#NOTIFICATIONS_STREAM}, each at most once per de-duplication key.
 *
 * <p>Claiming the key and appending the entry are one atomic script, so no failure can separate them: if the XADD
 * fails, the script deletes the key it just set before returning the error, and the vendor's retry is enqueued
 * instead of being dropped as a duplicate of an entry that was never written.
 */
public final class NotificationQueue {

  /** KEYS: de-dup key, stream. ARGV: TTL seconds, approximate max length, then the entry's field/value pairs. */
  private static final LuaScript ENQUEUE_ONCE = new LuaScript("""
      if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
        return false
      end
      local added = redis.pcall('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 3))
      if type(added) == 'table' and added.err then
        redis.call('DEL', KEYS[1])
      end
      return added
      """);

  private final RedisConnection redis;

  public NotificationQueue(RedisConnection redis) {
    this.redis = redis;
  }

  /** Whether an enqueue added an entry or found its key already claimed. */
  public enum Outcome { ENQUEUED, DUPLICATE }

  public CompletableFuture<Outcome> enqueueOnce(String deduplicationKey, Notification notification) {
    List<String> args = new ArrayList<>();
    args.add(Long.toString(RedisKeys.DEDUPLICATION_TTL.toSeconds()));
    args.add(Long.toString(RedisKeys.NOTIFICATIONS_MAX_LENGTH));
    NotificationCodec.encode(notification).forEach((field, value) -> {
      args.add(field);
      args.add(value);
    });
    return redis.<String>call(commands -> ENQUEUE_ONCE.run(commands, ScriptOutputType.VALUE,
            new String[] {deduplicationKey, RedisKeys.NOTIFICATIONS_STREAM}, args.toArray(String[]::new)))
        .thenApply(entryId -> entryId == null ? Outcome.DUPLICATE : Outcome.ENQUEUED);
  }
}
