package io.calendarsync.emulators.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loopback HTTP server under one emulator: routes calls, counts them and applies planned faults. Calls under
 * {@code /admin/} are the test's own and are neither counted nor faulted.
 */
public final class EmulatorServer implements AutoCloseable {

    static {
        // The vendors' clients write a request's headers and body in two segments; without TCP_NODELAY on the
        // accepted sockets, Nagle's algorithm and delayed ACKs add ~40 ms to every write, which real vendors do not.
        // The JDK server reads this property once, when its first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }


    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);
    private static final String ADMIN_PREFIX = "/admin/";
    // Enough for handlers that block on a slow receiver (Graph's validation handshake) or an injected delay.
    private static final int WORKERS = 16;

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Router router;
    private final ErrorDialect dialect;
    private final FaultInjector faults;
    private final Counters requests;
    private final String baseUrl;

    public EmulatorServer(String name, int port, Router router, ErrorDialect dialect, FaultInjector faults,
                          Counters requests) {
        this.name = name;
        this.router = router;
        this.dialect = dialect;
        this.faults = faults;
        this.requests = requests;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + name + " emulator to port " + port, e);
        }
        this.executor = Executors.newFixedThreadPool(WORKERS, daemonThreads(name + "-http"));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts answering; the base URL is known before, so components can build links into it. */
    public void start() {
        server.start();
        LOG.info("{} emulator listening on {}", name, baseUrl);
    }

    /** Threads that never keep a test JVM alive. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** e.g. {@code http://127.0.0.1:43123}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Request request = Request.read(exchange);
            Response response = dialect.decorate(request, respond(request));
            write(exchange, request, response);
        } catch (IOException e) {
            LOG.debug("client went away", e);
        } catch (RuntimeException e) {
            LOG.error("failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private Response respond(Request request) {
        boolean admin = request.path().startsWith(ADMIN_PREFIX);
        try {
            Router.Match match;
            try {
                match = router.match(request.method(), request.segments());
            } catch (ApiError unrouted) {
                if (!admin) {
                    requests.increment(request.method() + " (unmatched)");
                    applyFault(request, null);
                }
                throw unrouted;
            }
            Request routed = request.routed(match.template(), match.params());
            if (!admin) {
                requests.increment(request.method() + " " + match.template());
                applyFault(routed, match.template());
            }
            return match.handler().handle(routed);
        } catch (ApiError error) {
            return dialect.render(error, request).withHeaders(error.headers());
        } catch (RuntimeException e) {
            LOG.error("handler failed for {} {}", request.method(), request.path(), e);
            return dialect.render(new ApiError(500, null, null), request);
        }
    }

    private void applyFault(Request request, String template) {
        Optional<Fault> fault = faults.take(request.method(), request.path(), template);
        if (fault.isEmpty()) {
            return;
        }
        sleep(fault.get().delayMillis());
        if (fault.get().status() > 0) {
            throw fault.get().toError();
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(HttpExchange exchange, Request request, Response response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean noBody = response.body().length == 0 || "HEAD".equals(request.method());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
