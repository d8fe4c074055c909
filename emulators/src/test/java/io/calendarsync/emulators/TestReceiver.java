package io.calendarsync.emulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny webhook receiver for push tests: records what arrives and answers Graph's validation handshake. */
public final class TestReceiver implements AutoCloseable {

    public record Received(String method, String path, Map<String, String> query, Map<String, String> headers,
                           String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> nextStatuses = new ArrayDeque<>();
    private volatile boolean answerValidation = true;

    private TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestReceiver start() throws IOException {
        return new TestReceiver();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The next calls get these statuses, then 202 again. */
    public synchronized void answerNext(Integer... statuses) {
        nextStatuses.addAll(List.of(statuses));
    }

    /** Makes Graph's validation handshake fail. */
    public void ignoreValidation() {
        answerValidation = false;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> query = new LinkedHashMap<>();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query, headers,
                    body));
            String token = query.get("validationToken");
            if (token != null && answerValidation) {
                byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
                return;
            }
            exchange.sendResponseHeaders(nextStatus(), -1);
        }
    }

    private synchronized int nextStatus() {
        Integer status = nextStatuses.poll();
        return status == null ? 202 : status;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
