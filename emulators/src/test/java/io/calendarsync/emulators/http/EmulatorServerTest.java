package io.calendarsync.emulators.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plumbing under both emulators, with a dialect that just echoes the error. */
class EmulatorServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Counters requests = new Counters();
    private final FaultInjector faults = new FaultInjector();
    private EmulatorServer server;

    @BeforeEach
    void start() {
        Router router = new Router()
                .add("PATCH", "/items/{id}", r -> Response.json(r.json().put("id", r.param("id"))
                        .put("method", r.method())))
                .add("GET", "/items/{id}", r -> Response.json(Json.object().put("id", r.param("id"))))
                .add("GET", "/items/special", r -> Response.json(Json.object().put("special", true)))
                .add("GET", "/admin/ping", r -> Response.noContent());
        ErrorDialect echo = (error, request) -> Response.json(error.status(), Json.object()
                .put("code", error.code()).put("message", error.message()));
        server = new EmulatorServer("test", 0, router, echo, faults, requests);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    }

    @Test
    void decodesGzipBodiesAndHonoursMethodOverride() throws Exception {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> response = send(request("/items/a%40b")
                .header("Content-Encoding", "gzip")
                .header("X-HTTP-Method-Override", "PATCH")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray())));

        assertThat(Json.parseObject(response.body()).toString())
                .isEqualTo("{\"name\":\"x\",\"id\":\"a@b\",\"method\":\"PATCH\"}");
        assertThat(requests.get("PATCH /items/{id}")).isEqualTo(1);
    }

    @Test
    void literalSegmentsWinOverParameters() throws Exception {
        assertThat(send(request("/items/special")).body()).contains("special");
        assertThat(send(request("/items/other")).body()).contains("other");
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        assertThat(send(request("/nothing")).statusCode()).isEqualTo(404);
        assertThat(send(request("/items/a").DELETE()).statusCode()).isEqualTo(405);
        assertThat(requests.get("GET (unmatched)")).isEqualTo(1);
    }

    @Test
    void faultsMatchTemplatesAndSkipAdminCalls() throws Exception {
        faults.add(Fault.status(429).retryAfter(3).on("GET", ".*").times(2));

        assertThat(send(request("/admin/ping")).statusCode()).isEqualTo(204);
        HttpResponse<String> faulted = send(request("/items/1"));
        assertThat(faulted.statusCode()).isEqualTo(429);
        assertThat(faulted.headers().firstValue("Retry-After")).contains("3");
        assertThat(send(request("/items/2")).statusCode()).isEqualTo(429);
        assertThat(send(request("/items/3")).statusCode()).isEqualTo(200);
        assertThat(requests.total()).isEqualTo(3);
    }
}
