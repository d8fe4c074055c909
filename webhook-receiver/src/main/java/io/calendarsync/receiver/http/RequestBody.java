package io.calendarsync.receiver.http;

import io.calendarsync.receiver.metrics.RejectionReason;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a request body without blocking a thread, refusing more than {@link #MAX_BYTES}: a declared Content-Length
 * above it is refused before anything is read, a chunked body as soon as it grows past it.
 */
public final class RequestBody implements Runnable {

  /** Graph batches are a few kilobytes; nothing legitimate comes near this. */
  public static final int MAX_BYTES = 1 << 20;

  private final Request request;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();

  private RequestBody(Request request) {
    this.request = request;
  }

  /** The whole body; fails with a {@link RejectedException} ({@code body_too_large}) past the limit. */
  public static CompletableFuture<byte[]> read(Request request) {
    if (request.getLength() > MAX_BYTES) {
      return CompletableFuture.failedFuture(new RejectedException(RejectionReason.BODY_TOO_LARGE));
    }
    RequestBody reader = new RequestBody(request);
    reader.run();
    return reader.result;
  }

  /** Jetty's read/demand loop: read what is there, ask to be called back when there is more. */
  @Override
  public void run() {
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        result.completeExceptionally(chunk.getFailure());
        return;
      }
      ByteBuffer bytes = chunk.getByteBuffer();
      if (body.size() + bytes.remaining() > MAX_BYTES) {
        chunk.release();
        result.completeExceptionally(new RejectedException(RejectionReason.BODY_TOO_LARGE));
        return;
      }
      byte[] copy = new byte[bytes.remaining()];
      bytes.get(copy);
      body.writeBytes(copy);
      chunk.release();
      if (chunk.isLast()) {
        result.complete(body.toByteArray());
        return;
      }
    }
  }
}
