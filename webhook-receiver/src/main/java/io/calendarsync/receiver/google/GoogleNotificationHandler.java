package io.calendarsync.receiver.google;

import io.calendarsync.api.redis.ChannelRegistration;
import io.calendarsync.api.redis.DeduplicationKeys;
import io.calendarsync.api.redis.Notification;
import io.calendarsync.api.redis.ResourceState;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.receiver.http.AsyncEndpoint;
import io.calendarsync.receiver.http.Reply;
import io.calendarsync.receiver.metrics.ReceiverMetrics;
import io.calendarsync.receiver.metrics.RejectionReason;
import io.calendarsync.receiver.queue.ChannelRegistry;
import io.calendarsync.receiver.queue.NotificationQueue;
import org.eclipse.jetty.server.Request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /webhooks/google}: a Google Calendar push notification. Verified against the channel registry (the
 * channel exists, the token hashes to its digest, the resource id is the watched one), then enqueued once per message
 * number. Answers 200 for anything verified (Google only needs a 2xx), 400/403/404 for what is not, and 503 when it
 * cannot persist.
 */
public final class GoogleNotificationHandler extends AsyncEndpoint {

  private final ChannelRegistry registry;
  private final NotificationQueue queue;
  private final ReceiverMetrics metrics;
  private final Clock clock;

  public GoogleNotificationHandler(ChannelRegistry registry, NotificationQueue queue, ReceiverMetrics metrics,
      Clock clock, Duration deadline) {
    super(VendorName.GOOGLE, "POST", deadline);
    this.registry = registry;
    this.queue = queue;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  protected CompletableFuture<Reply> process(Request request) {
    long started = System.nanoTime();
    Instant receivedAt = clock.instant();
    metrics.received(VendorName.GOOGLE);
    GooglePushHeaders push = GooglePushHeaders.from(request.getHeaders());
    return registry.find(VendorName.GOOGLE, push.channelId()).thenCompose(found -> {
      if (found.isEmpty()) {
        return done(reject(RejectionReason.UNKNOWN_CHANNEL));
      }
      ChannelRegistration channel = found.get();
      if (!channel.acceptsToken(push.token())) {
        return done(reject(RejectionReason.TOKEN_MISMATCH));
      }
      if (!channel.resourceId().equals(push.resourceId())) {
        return done(reject(RejectionReason.RESOURCE_MISMATCH));
      }
      if (push.state() == ResourceState.SYNC) {
        // The handshake of a new channel: proves it works, announces no change.
        metrics.accepted(VendorName.GOOGLE);
        return done(Reply.empty(200));
      }
      Notification notification =
          Notification.googleChange(push.channelId(), channel.providerKey(), push.state(), receivedAt);
      return queue.enqueueOnce(DeduplicationKeys.google(push.channelId(), push.messageNumber()), notification)
          .thenApply(outcome -> {
            metrics.enqueued(VendorName.GOOGLE, outcome == NotificationQueue.Outcome.DUPLICATE,
                Duration.ofNanos(System.nanoTime() - started));
            return Reply.empty(200);
          });
    });
  }

  @Override
  protected void count(RejectionReason reason) {
    metrics.rejected(VendorName.GOOGLE, reason);
  }
}
