package io.calendarsync.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.http.Fault;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphFaultsTest {

    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-05T08:00:00Z"));
    private GraphEmulator emulator;
    private GraphServiceClient graph;

    @BeforeEach
    void start() {
        emulator = GraphEmulator.start(0, clock);
        graph = GraphTestSupport.client(emulator, GraphTestSupport.setUp(emulator), clock);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void theSdkRetriesA429AfterRetryAfterOnItsOwn() {
        emulator.faults().add(Fault.status(429).retryAfter(1).on("GET", "/v1.0/me/events"));

        assertThat(graph.me().events().get().getValue()).isEmpty();

        assertThat(emulator.requests().get("GET /v1.0/me/events")).isEqualTo(2);
        assertThat(emulator.faults().pending()).isEmpty();
    }

    @Test
    void errorFaultsAreGraphShaped() {
        emulator.faults().add(Fault.status(403).on("*", "/v1.0/me/calendar"));

        assertThatThrownBy(() -> graph.me().calendar().get()).isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(403);
            assertThat(e.getError().getCode()).isEqualTo("ErrorAccessDenied");
            assertThat(e.getError().getInnerError().getClientRequestId()).isNotBlank();
        });
    }

    @Test
    void aFaultCanForceSyncStateNotFound() {
        emulator.faults().add(Fault.status(410).on("GET", "/v1.0/me/calendarView/delta.*"));

        assertThatThrownBy(() -> graph.me().calendarView().delta().get(c -> {
            c.queryParameters.startDateTime = "2026-01-01T00:00:00Z";
            c.queryParameters.endDateTime = "2026-02-01T00:00:00Z";
        })).isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getError().getCode()).isEqualTo("SyncStateNotFound"));
    }
}
