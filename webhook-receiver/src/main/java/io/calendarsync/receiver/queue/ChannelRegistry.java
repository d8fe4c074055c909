package io.calendarsync.receiver.queue;

import io.calendarsync.api.redis.ChannelRegistration;
import io.calendarsync.api.redis.ChannelRegistrationCodec;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.api.redis.VendorName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Reads the channel registry the operator writes ({@link RedisKeys#channel}). */
public final class ChannelRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelRegistry.class);

  private final RedisConnection redis;

  public ChannelRegistry(RedisConnection redis) {
    this.redis = redis;
  }

  /** The registration of a channel; empty when there is none, or when the entry is broken (logged: an operator bug). */
  public CompletableFuture<Optional<ChannelRegistration>> find(VendorName vendor, String channelId) {
    return redis.call(commands -> commands.hgetall(RedisKeys.channel(vendor, channelId))).thenApply(hash -> {
      try {
        return ChannelRegistrationCodec.decode(vendor, channelId, hash);
      } catch (IllegalArgumentException e) {
        LOG.error("ignoring a broken channel registration: {}", e.getMessage());
        return Optional.empty();
      }
    });
  }
}
