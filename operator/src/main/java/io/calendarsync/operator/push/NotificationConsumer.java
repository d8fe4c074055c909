package io.calendarsync.operator.push;

import io.calendarsync.api.redis.LifecycleEvent;
import io.calendarsync.api.redis.Notification;
import io.calendarsync.api.redis.NotificationCodec;
import io.calendarsync.api.redis.NotificationKind;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.operator.metrics.PushMetrics;
import io.calendarsync.operator.notify.ConsumerGroups;
import io.calendarsync.operator.runtime.LeaderService;
import io.calendarsync.operator.store.PushChannelRecord.PendingAction;
import io.calendarsync.operator.store.PushChannelStore;
import io.calendarsync.operator.store.StoreException;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes verified notifications off {@code calsync:notifications} (consumer group {@code operator}) and wakes the
 * providers they name; runs only in the leader, whose reconciler the wake-ups reach. Each entry is acknowledged once
 * its wake-up is queued. On (re)start it first claims what any consumer read but never acknowledged (a leader that
 * died mid-batch), so no notification is lost to a restart. It reconnects by itself when Redis comes back.
 *
 * <p>A batch wakes each provider once, and JOSDK queues at most one more reconcile behind a running one, so a burst of
 * notifications for one provider costs one or two syncs.
 */
public final class NotificationConsumer implements LeaderService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationConsumer.class);
  private static final int BATCH = 100;
  private static final Duration BLOCK = Duration.ofSeconds(2);
  private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

  private final RedisClient client;
  private final String consumerName;
  private final java.util.function.Consumer<String> wake;
  private final PushChannelStore channels;
  private final PushMetrics metrics;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stopped = lock.newCondition();
  private volatile boolean running;
  private volatile StatefulRedisConnection<String, String> connection;
  private Thread thread;

  /**
   * @param consumerName this replica's name in the group
   * @param wake queues a reconcile of the provider named {@code namespace/name}
   */
  NotificationConsumer(RedisClient client, String consumerName, java.util.function.Consumer<String> wake,
      PushChannelStore channels, PushMetrics metrics) {
    this.client = client;
    this.consumerName = consumerName;
    this.wake = wake;
    this.channels = channels;
    this.metrics = metrics;
  }

  @Override
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    thread = new Thread(this::run, "notification-consumer");
    thread.setDaemon(true);
    thread.start();
  }

  @SuppressWarnings("unchecked") // xreadgroup takes generic varargs
  private void run() {
    boolean warned = false;
    while (running) {
      StatefulRedisConnection<String, String> opened = null;
      try {
        opened = client.connect();
        connection = opened;
        opened.setTimeout(BLOCK.plusSeconds(5));
        RedisCommands<String, String> redis = opened.sync();
        ConsumerGroups.ensure(redis, RedisKeys.NOTIFICATIONS_STREAM, RedisKeys.NOTIFICATIONS_GROUP);
        if (warned) {
          LOG.info("notification stream reachable again");
          warned = false;
        }
        claimPending(redis);
        while (running) {
          handle(redis, redis.xreadgroup(Consumer.from(RedisKeys.NOTIFICATIONS_GROUP, consumerName),
              XReadArgs.Builder.block(BLOCK).count(BATCH),
              XReadArgs.StreamOffset.lastConsumed(RedisKeys.NOTIFICATIONS_STREAM)));
        }
      } catch (RedisException e) {
        if (running && !warned) {
          LOG.warn("notification stream unreachable, providers fall back to their syncInterval: {}", e.getMessage());
          warned = true;
        }
        pause();
      } catch (StoreException e) {
        // Unacknowledged entries stay pending and are claimed again after the pause.
        LOG.warn("cannot record a lifecycle notification, retrying: {}", e.getMessage());
        pause();
      } finally {
        connection = null;
        // close() may have closed it already, to end a blocking read.
        if (opened != null && opened.isOpen()) {
          opened.close();
        }
      }
    }
  }

  /** Entries read by any consumer of the group and never acknowledged. */
  private void claimPending(RedisCommands<String, String> redis) {
    String cursor = "0-0";
    do {
      ClaimedMessages<String, String> claimed = redis.xautoclaim(RedisKeys.NOTIFICATIONS_STREAM,
          XAutoClaimArgs.Builder.xautoclaim(Consumer.from(RedisKeys.NOTIFICATIONS_GROUP, consumerName),
              Duration.ZERO, cursor).count(BATCH));
      handle(redis, claimed.getMessages());
      cursor = claimed.getId();
    } while (running && !"0-0".equals(cursor));
  }

  private void handle(RedisCommands<String, String> redis, List<StreamMessage<String, String>> messages) {
    if (messages.isEmpty()) {
      return;
    }
    Set<String> providers = new LinkedHashSet<>();
    for (StreamMessage<String, String> message : messages) {
      try {
        Notification notification = NotificationCodec.decode(message.getBody());
        metrics.notificationConsumed(notification.vendor(), notification.kind());
        if (notification.kind() == NotificationKind.LIFECYCLE) {
          recordLifecycle(notification);
        }
        providers.add(notification.providerKey());
      } catch (IllegalArgumentException e) {
        LOG.warn("dropping malformed notification {}: {}", message.getId(), e.getMessage());
      }
    }
    for (String provider : providers) {
      try {
        wake.accept(provider);
      } catch (IllegalArgumentException e) {
        LOG.warn("notification names no provider: {}", e.getMessage());
      }
    }
    redis.xack(RedisKeys.NOTIFICATIONS_STREAM, RedisKeys.NOTIFICATIONS_GROUP,
        messages.stream().map(StreamMessage::getId).toArray(String[]::new));
  }

  /** Leaves the provider's next sync a note of what Graph asked for; a missed notification needs only the sync. */
  private void recordLifecycle(Notification notification) {
    LifecycleEvent event = notification.lifecycleEvent();
    PendingAction action = switch (event) {
      case REAUTHORIZATION_REQUIRED -> PendingAction.RENEW;
      case SUBSCRIPTION_REMOVED -> PendingAction.RECREATE;
      case MISSED -> null;
    };
    LOG.info("{} on subscription {} of {}", event.wireName(), notification.channelId(), notification.providerKey());
    if (action != null) {
      channels.requestAction(notification.vendor(), notification.channelId(), action);
    }
  }

  private void pause() {
    lock.lock();
    try {
      if (running) {
        stopped.await(RECONNECT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    Thread started;
    synchronized (this) {
      running = false;
      started = thread;
    }
    lock.lock();
    try {
      stopped.signalAll();
    } finally {
      lock.unlock();
    }
    StatefulRedisConnection<String, String> open = connection;
    if (open != null) {
      open.close();
    }
    if (started != null) {
      try {
        started.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
