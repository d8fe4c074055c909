package io.calendarsync.receiver.http;

import io.calendarsync.api.redis.VendorName;
import io.calendarsync.receiver.Futures;
import io.calendarsync.receiver.metrics.RejectionReason;
import io.calendarsync.receiver.queue.RedisUnavailableException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One public endpoint of one vendor, answered without holding a thread while Redis works. Subclasses turn a request
 * into a future {@link Reply}; this class enforces the method, bounds the whole processing by a deadline (so Graph's
 * 3-second limit holds however slow Redis is), turns "could not persist" into 503 so the vendor retries, and counts
 * and logs every rejection. Logs name the endpoint and the reason, never headers, query or body: they carry
 * tokens.
 */
public abstract class AsyncEndpoint extends Handler.Abstract.NonBlocking {

  private static final Logger LOG = LoggerFactory.getLogger(AsyncEndpoint.class);

  private final VendorName vendor;
  private final String method;
  private final Duration deadline;

  protected AsyncEndpoint(VendorName vendor, String method, Duration deadline) {
    this.vendor = vendor;
    this.method = method;
    this.deadline = deadline;
  }

  @Override
  public final boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    CompletableFuture<Reply> reply = method.equals(request.getMethod())
        ? start(request)
        : done(reject(RejectionReason.METHOD_NOT_ALLOWED).withHeader(HttpHeader.ALLOW.asString(), method));
    reply.orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(failure -> failed(path, Futures.causeOf(failure)))
        .thenAccept(answer -> answer.send(response, callback))
        // Whatever happens, the exchange must end, or the connection would hang until its idle timeout.
        .exceptionally(failure -> {
          callback.failed(Futures.causeOf(failure));
          return null;
        });
    return true;
  }

  /** Reads what it needs from the request before its first asynchronous step, and returns the eventual reply. */
  protected abstract CompletableFuture<Reply> process(Request request);

  /** Counts a rejection of this endpoint's kind. */
  protected abstract void count(RejectionReason reason);

  /** What to answer for a rejection: by default its status and no body. */
  protected Reply rejectionReply(RejectionReason reason) {
    return Reply.empty(reason.status());
  }

  /** Counts, logs and answers a rejection. */
  protected final Reply reject(RejectionReason reason) {
    count(reason);
    LOG.debug("{} {} refused: {}", method, vendor.wireName(), reason.label());
    return rejectionReply(reason);
  }

  protected final VendorName vendor() {
    return vendor;
  }

  /** A reply known without waiting for anything. */
  protected static CompletableFuture<Reply> done(Reply reply) {
    return CompletableFuture.completedFuture(reply);
  }

  private CompletableFuture<Reply> start(Request request) {
    try {
      return process(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Reply failed(String path, Throwable cause) {
    if (cause instanceof RejectedException rejected) {
      return reject(rejected.reason());
    }
    if (cause instanceof BadMessageException) {
      // Jetty could not make sense of the request, such as a malformed query string.
      return reject(RejectionReason.MALFORMED_REQUEST);
    }
    if (cause instanceof RedisUnavailableException) {
      LOG.warn("{} {}: cannot persist, answering 503 so the sender retries: {}", method, path, cause.getMessage());
      return reject(RejectionReason.REDIS_UNAVAILABLE);
    }
    if (cause instanceof TimeoutException) {
      LOG.warn("{} {}: not done within {} ms (Redis slow?), answering 503 so the sender retries", method, path,
          deadline.toMillis());
      return reject(RejectionReason.DEADLINE_EXCEEDED);
    }
    LOG.error("{} {} failed", method, path, cause);
    return reject(RejectionReason.INTERNAL_ERROR);
  }
}
