package io.calendarsync.emulators.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends push messages to subscribers and keeps a log of every attempt for tests. Asynchronous messages go out one at a
 * time in order (a receiver sees Google's {@code sync} before the first {@code exists}); an answer of 5xx or no answer
 * is retried with doubling back-off, as both vendors do.
 */
public final class PushDeliverer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushDeliverer.class);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ScheduledExecutorService scheduler;
    private final AtomicLong sequence = new AtomicLong();
    private final List<Delivery> log = new ArrayList<>();
    private volatile int maxAttempts = 4;
    private volatile Duration firstBackoff = Duration.ofMillis(100);

    public PushDeliverer(String name, Clock clock) {
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(EmulatorServer.daemonThreads(name + "-push"));
    }

    /** How hard to try; the real services retry for hours, tests want milliseconds. */
    public void setRetryPolicy(int attempts, Duration backoff) {
        this.maxAttempts = Math.max(1, attempts);
        this.firstBackoff = backoff;
    }

    /**
     * Delivers in the background. {@code stillWanted} is asked before every attempt so nothing goes out after its
     * channel or subscription was stopped or expired.
     */
    public void send(PushMessage message, BooleanSupplier stillWanted) {
        scheduler.execute(() -> attempt(message, stillWanted, 1));
    }

    /** Delivers now, once, and returns what the receiver answered (Graph's validation handshake needs the body). */
    public Delivery exchange(PushMessage message, Duration timeout) {
        return post(message, 1, timeout);
    }

    public synchronized List<Delivery> deliveries() {
        return List.copyOf(log);
    }

    public List<Delivery> deliveries(String kind) {
        return deliveries().stream().filter(d -> d.kind().equals(kind)).toList();
    }

    public synchronized void clear() {
        log.clear();
    }

    private void attempt(PushMessage message, BooleanSupplier stillWanted, int attempt) {
        if (!stillWanted.getAsBoolean()) {
            LOG.debug("dropping {} to {}: no longer wanted", message.kind(), message.url());
            return;
        }
        Delivery delivery = post(message, attempt, ATTEMPT_TIMEOUT);
        boolean retryable = delivery.status() < 0 || delivery.status() >= 500;
        if (retryable && attempt < maxAttempts) {
            long delay = firstBackoff.toMillis() << (attempt - 1);
            scheduler.schedule(() -> attempt(message, stillWanted, attempt + 1), delay, TimeUnit.MILLISECONDS);
        }
    }

    private Delivery post(PushMessage message, int attempt, Duration timeout) {
        int status = -1;
        String contentType = null;
        String responseBody = null;
        String error = null;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(message.url()))
                    .timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofString(message.body()));
            message.headers().forEach(builder::header);
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse(null);
            responseBody = response.body();
        } catch (IOException | IllegalArgumentException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = e.toString();
        }
        Delivery delivery = new Delivery(sequence.incrementAndGet(), message.kind(), message.url(), message.headers(),
                message.body(), attempt, status, contentType, responseBody, error, clock.instant());
        synchronized (this) {
            log.add(delivery);
        }
        LOG.debug("{} to {} (attempt {}): {}", message.kind(), message.url(), attempt, status);
        return delivery;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
