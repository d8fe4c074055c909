package io.calendarsync.operator.push;

import io.calendarsync.api.redis.ChannelRegistrationCodec;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.operator.runtime.LeaderService;
import io.calendarsync.operator.store.PushChannelStore;
import io.calendarsync.operator.store.StoreException;
import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Removes channel registrations nobody owns any more, in the leader, at start and then periodically: entries of
 * channels the operator does not hold (left by a crash between registering and recording) and entries of providers
 * that no longer exist (a deletion whose cleanup was abandoned). Their channels expire at the vendor; without their
 * entry the receiver refuses whatever they still deliver.
 */
final class RegistrySweep implements LeaderService {

  private static final Logger LOG = LoggerFactory.getLogger(RegistrySweep.class);

  private final ChannelRegistry registry;
  private final PushChannelStore channels;
  private final Supplier<Optional<Predicate<String>>> deletedProviders;
  private final Duration period;
  private ScheduledExecutorService executor;

  /**
   * @param deletedProviders which provider keys ({@code namespace/name}) are known to be deleted, or empty when that
   *     cannot be told now (then only entries without a recorded channel are removed)
   */
  RegistrySweep(ChannelRegistry registry, PushChannelStore channels,
      Supplier<Optional<Predicate<String>>> deletedProviders, Duration period) {
    this.registry = registry;
    this.channels = channels;
    this.deletedProviders = deletedProviders;
    this.period = period;
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "registry-sweep");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::sweepQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void sweepQuietly() {
    try {
      int removed = sweep();
      if (removed > 0) {
        LOG.info("removed {} orphaned push channel registration(s)", removed);
      }
    } catch (RedisException | StoreException e) {
      LOG.info("registry sweep skipped: {}", e.getMessage());
    }
  }

  /** @return how many registrations were removed */
  int sweep() {
    Optional<Predicate<String>> deleted = deletedProviders.get();
    int removed = 0;
    for (Map.Entry<String, Map<String, String>> entry : registry.all().entrySet()) {
      Optional<ChannelKey> key = ChannelKey.parse(entry.getKey());
      String provider = entry.getValue().get(ChannelRegistrationCodec.PROVIDER);
      if (key.isEmpty() || provider == null) {
        continue;
      }
      boolean recorded = channels.find(key.get().vendor(), key.get().channelId()).isPresent();
      boolean providerGone = deleted.map(isDeleted -> isDeleted.test(provider)).orElse(false);
      if (!recorded || providerGone) {
        registry.unregister(entry.getKey());
        if (recorded) {
          channels.delete(key.get().vendor(), key.get().channelId());
        }
        removed++;
      }
    }
    return removed;
  }

  /** Vendor and channel id of a registry key, {@code calsync:channel:{vendor}:{channelId}}. */
  private record ChannelKey(VendorName vendor, String channelId) {
    static Optional<ChannelKey> parse(String key) {
      for (VendorName vendor : VendorName.values()) {
        String prefix = RedisKeys.channel(vendor, "");
        if (key.startsWith(prefix) && key.length() > prefix.length()) {
          return Optional.of(new ChannelKey(vendor, key.substring(prefix.length())));
        }
      }
      return Optional.empty();
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
