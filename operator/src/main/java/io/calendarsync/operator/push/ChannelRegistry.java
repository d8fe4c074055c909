package io.calendarsync.operator.push;

import io.calendarsync.api.redis.ChannelRegistration;
import io.calendarsync.api.redis.ChannelRegistrationCodec;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The channel registry in Redis (docs/redis-contract.md): the receiver accepts a notification only for a channel
 * registered here. Connects on first use and again after a failure; every call fails fast with a
 * {@link RedisException} while Redis is unreachable, so a sync never waits on it for long.
 */
final class ChannelRegistry implements AutoCloseable {

  /** HSET and PEXPIREAT in one step, so a registration never lives without its expiry. */
  private static final String REGISTER = """
      redis.call('HSET', KEYS[1], unpack(ARGV, 2))
      return redis.call('PEXPIREAT', KEYS[1], ARGV[1])
      """;
  static final String KEY_PATTERN = "calsync:channel:*";

  private final RedisClient client;
  private final Duration timeout;
  private StatefulRedisConnection<String, String> connection;

  ChannelRegistry(RedisClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  void register(ChannelRegistration registration) {
    List<String> args = new ArrayList<>();
    args.add(Long.toString(registration.retainUntil().toEpochMilli()));
    ChannelRegistrationCodec.encode(registration).forEach((field, value) -> {
      args.add(field);
      args.add(value);
    });
    commands().eval(REGISTER, ScriptOutputType.INTEGER, new String[] {registration.key()},
        args.toArray(String[]::new));
  }

  /** Fails unless Redis answers. */
  void ping() {
    commands().ping();
  }

  boolean isRegistered(ChannelRegistration registration) {
    return commands().exists(registration.key()) > 0;
  }

  void unregister(String key) {
    commands().del(key);
  }

  /** Every registered channel's key and hash, for the sweep. */
  Map<String, Map<String, String>> all() {
    RedisCommands<String, String> commands = commands();
    Map<String, Map<String, String>> channels = new LinkedHashMap<>();
    ScanIterator.scan(commands, ScanArgs.Builder.matches(KEY_PATTERN).limit(500))
        .forEachRemaining(key -> channels.put(key, commands.hgetall(key)));
    return channels;
  }

  private synchronized RedisCommands<String, String> commands() {
    if (connection == null || !connection.isOpen()) {
      connection = client.connect();
      connection.setTimeout(timeout);
    }
    return connection.sync();
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
  }
}
