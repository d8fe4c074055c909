package io.calendarsync.receiver.microsoft;

import io.calendarsync.api.redis.ChannelRegistration;
import io.calendarsync.api.redis.LifecycleEvent;
import io.calendarsync.api.redis.Notification;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.receiver.http.AsyncEndpoint;
import io.calendarsync.receiver.http.Reply;
import io.calendarsync.receiver.http.RequestBody;
import io.calendarsync.receiver.metrics.ReceiverMetrics;
import io.calendarsync.receiver.metrics.RejectionReason;
import io.calendarsync.receiver.queue.ChannelRegistry;
import io.calendarsync.receiver.queue.NotificationQueue;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /webhooks/microsoft} and {@code POST /webhooks/microsoft/lifecycle}: Microsoft Graph change and lifecycle
 * notifications (an item is a lifecycle notification when it has a {@code lifecycleEvent}), and the validation
 * handshake Graph sends to both URLs when a subscription is created.
 *
 * <p>Each item is verified on its own (its subscription is registered, its clientState hashes to the registered
 * digest) and the valid ones are enqueued once each. 202 when at least one item was valid, 403 when none was (nothing
 * is enqueued then), 503 when a valid item could not be persisted (Graph redelivers the batch; items already enqueued
 * are then recognised as duplicates).
 */
public final class GraphNotificationHandler extends AsyncEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(GraphNotificationHandler.class);
  /** Graph's tokens are a few hundred characters; an echo endpoint must not reflect arbitrary amounts. */
  private static final int MAX_VALIDATION_TOKEN_LENGTH = 1024;

  private final ChannelRegistry registry;
  private final NotificationQueue queue;
  private final ReceiverMetrics metrics;
  private final Clock clock;

  public GraphNotificationHandler(ChannelRegistry registry, NotificationQueue queue, ReceiverMetrics metrics,
      Clock clock, Duration deadline) {
    super(VendorName.MICROSOFT, "POST", deadline);
    this.registry = registry;
    this.queue = queue;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  protected CompletableFuture<Reply> process(Request request) {
    String validationToken = Request.extractQueryParameters(request).getValue("validationToken");
    if (validationToken != null) {
      return done(handshake(validationToken));
    }
    long started = System.nanoTime();
    Instant receivedAt = clock.instant();
    metrics.received(VendorName.MICROSOFT);
    if (!isJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
      return done(reject(RejectionReason.UNSUPPORTED_MEDIA_TYPE));
    }
    return RequestBody.read(request)
        .thenApply(GraphNotificationBatch::parse)
        .thenCompose(batch -> verifyAndEnqueue(batch, receivedAt, started));
  }

  @Override
  protected void count(RejectionReason reason) {
    metrics.rejected(VendorName.MICROSOFT, reason);
  }

  /** Graph proves the URL is ours to subscribe: echo its token as plain text within 10 seconds. */
  private Reply handshake(String token) {
    if (token.length() > MAX_VALIDATION_TOKEN_LENGTH) {
      return reject(RejectionReason.VALIDATION_TOKEN_TOO_LONG);
    }
    LOG.info("answered a Graph subscription validation handshake");
    return Reply.text(200, token);
  }

  private CompletableFuture<Reply> verifyAndEnqueue(List<GraphNotification> batch, Instant receivedAt, long started) {
    List<CompletableFuture<Boolean>> accepted = batch.stream()
        .map(item -> verifyAndEnqueue(item, receivedAt, started))
        .toList();
    return CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).thenApply(all ->
        accepted.stream().anyMatch(CompletableFuture::join) ? Reply.empty(202) : Reply.empty(403));
  }

  /** Whether the item was valid (and is now enqueued). */
  private CompletableFuture<Boolean> verifyAndEnqueue(GraphNotification item, Instant receivedAt, long started) {
    if (item.subscriptionId() == null) {
      return refuse(RejectionReason.MISSING_FIELD);
    }
    if (item.subscriptionId().length() > ChannelRegistration.MAX_CHANNEL_ID_LENGTH) {
      return refuse(RejectionReason.INVALID_FIELD);
    }
    if (item.clientState() == null) {
      return refuse(RejectionReason.MISSING_TOKEN);
    }
    LifecycleEvent lifecycleEvent =
        item.isLifecycle() ? LifecycleEvent.fromWireName(item.lifecycleEvent()).orElse(null) : null;
    if (item.isLifecycle() && lifecycleEvent == null) {
      return refuse(RejectionReason.UNKNOWN_LIFECYCLE_EVENT);
    }
    return registry.find(VendorName.MICROSOFT, item.subscriptionId()).thenCompose(found -> {
      if (found.isEmpty()) {
        return refuse(RejectionReason.UNKNOWN_CHANNEL);
      }
      if (!found.get().acceptsToken(item.clientState())) {
        return refuse(RejectionReason.TOKEN_MISMATCH);
      }
      String provider = found.get().providerKey();
      Notification notification = lifecycleEvent == null
          ? Notification.graphChange(item.subscriptionId(), provider, receivedAt)
          : Notification.graphLifecycle(item.subscriptionId(), provider, lifecycleEvent, receivedAt);
      return queue.enqueueOnce(item.deduplicationKey(lifecycleEvent), notification).thenApply(outcome -> {
        metrics.enqueued(VendorName.MICROSOFT, outcome == NotificationQueue.Outcome.DUPLICATE,
            Duration.ofNanos(System.nanoTime() - started));
        return true;
      });
    });
  }

  /** Counts and logs a refused item; the log leaves out its fields, which the sender chose. */
  private CompletableFuture<Boolean> refuse(RejectionReason reason) {
    count(reason);
    LOG.debug("Graph notification item refused: {}", reason.label());
    return CompletableFuture.completedFuture(false);
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
    return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
  }
}
