package io.calendarsync.emulators.microsoft;

import static io.calendarsync.emulators.microsoft.GraphTestSupport.USER;
import static io.calendarsync.emulators.microsoft.GraphTestSupport.event;
import static io.calendarsync.emulators.microsoft.GraphTestSupport.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.DayOfWeek;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePattern;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRange;
import com.microsoft.graph.models.RecurrenceRangeType;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.calendarview.delta.DeltaGetResponse;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphDeltaTest {

    private static final String WINDOW_START = "2026-01-05T00:00:00Z";
    private static final String WINDOW_END = "2026-01-19T00:00:00Z";

    private final MutableClock clock = MutableClock.fixed(Instant.parse("2026-01-04T08:00:00Z"));
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

    /** One round of delta: follows nextLinks, returns the items and the delta link. */
    private record Round(List<Event> items, String deltaLink, int pages) {
        boolean removed(String id) {
            return items.stream().anyMatch(e -> e.getId().equals(id) && e.getAdditionalData().containsKey("@removed"));
        }

        List<String> ids() {
            return items.stream().map(Event::getId).toList();
        }
    }

    private Round round(String deltaLink) {
        DeltaGetResponse page = deltaLink == null
                ? graph.me().calendarView().delta().get(c -> {
                    c.queryParameters.startDateTime = WINDOW_START;
                    c.queryParameters.endDateTime = WINDOW_END;
                    c.headers.add("Prefer", "odata.maxpagesize=2");
                })
                : graph.me().calendarView().delta().withUrl(deltaLink).get(c -> c.headers.add("Prefer",
                        "odata.maxpagesize=2"));
        List<Event> items = new ArrayList<>(page.getValue());
        int pages = 1;
        while (page.getOdataNextLink() != null) {
            assertThat(page.getOdataNextLink()).startsWith(emulator.baseUrl() + "/v1.0/me/calendarView/delta?");
            assertThat(page.getOdataDeltaLink()).isNull();
            page = graph.me().calendarView().delta().withUrl(page.getOdataNextLink())
                    .get(c -> c.headers.add("Prefer", "odata.maxpagesize=2"));
            items.addAll(page.getValue());
            pages++;
        }
        assertThat(page.getOdataDeltaLink()).startsWith(emulator.baseUrl() + "/v1.0/me/calendarView/delta?");
        return new Round(items, page.getOdataDeltaLink(), pages);
    }

    private String create(String subject, String start, String end) {
        return graph.me().events().post(event(subject, start, end, "UTC")).getId();
    }

    @Test
    void deltaLinkReturnsChangesDeletionsAndMovesOutOfTheWindow() {
        String unchanged = create("unchanged", "2026-01-06T09:00:00", "2026-01-06T10:00:00");
        String edited = create("edited", "2026-01-07T09:00:00", "2026-01-07T10:00:00");
        String deleted = create("deleted", "2026-01-08T09:00:00", "2026-01-08T10:00:00");
        String moved = create("moved", "2026-01-09T09:00:00", "2026-01-09T10:00:00");
        String appEdited = create("app", "2026-01-12T09:00:00", "2026-01-12T10:00:00");
        String outside = create("outside", "2026-02-02T09:00:00", "2026-02-02T10:00:00");

        Round first = round(null);

        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.ids()).containsExactly(unchanged, edited, deleted, moved, appEdited).doesNotContain(outside);

        Event subject = new Event();
        subject.setSubject("edited again");
        graph.me().events().byEventId(edited).patch(subject);
        graph.me().events().byEventId(deleted).delete();
        Event later = new Event();
        later.setStart(time("2026-03-02T09:00:00", "UTC"));
        later.setEnd(time("2026-03-02T10:00:00", "UTC"));
        graph.me().events().byEventId(moved).patch(later);
        emulator.calendars().updateEvent(USER, "calendar", appEdited, Json.parseObject("{\"subject\":\"in Outlook\"}"));
        String added = create("added", "2026-01-14T09:00:00", "2026-01-14T10:00:00");

        Round second = round(first.deltaLink());

        assertThat(second.ids()).containsExactlyInAnyOrder(edited, appEdited, added, deleted, moved);
        assertThat(second.removed(deleted)).isTrue();
        assertThat(second.removed(moved)).as("moved out of the window: reported as removed").isTrue();
        assertThat(second.removed(edited)).isFalse();
        assertThat(second.items()).filteredOn(e -> e.getId().equals(appEdited)).singleElement()
                .satisfies(e -> assertThat(e.getSubject()).isEqualTo("in Outlook"));
        assertThat(graph.me().events().byEventId(moved).get().getSubject())
                .as("a consumer must check existence before treating @removed as a deletion").isEqualTo("moved");

        assertThat(round(second.deltaLink()).items()).isEmpty();
    }

    @Test
    void invalidatedDeltaTokenIs410SyncStateNotFound() {
        String deltaLink = round(null).deltaLink();

        emulator.calendars().invalidateSyncState();

        assertThatThrownBy(() -> graph.me().calendarView().delta().withUrl(deltaLink).get())
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(410);
                    assertThat(e.getError().getCode()).isEqualTo("SyncStateNotFound");
                });
    }

    @Test
    void deltaTokensExpireWithTheClock() {
        emulator.calendars().setDeltaTokenMaxAge(Duration.ofDays(7));
        String deltaLink = round(null).deltaLink();

        clock.advance(Duration.ofDays(8));

        assertThatThrownBy(() -> graph.me().calendarView().delta().withUrl(deltaLink).get())
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(410));
    }

    @Test
    void expandsSeriesIntoOccurrencesAndReportsExceptions() {
        Event series = event("Stand-up", "2026-01-05T09:00:00", "2026-01-05T09:15:00", "W. Europe Standard Time");
        PatternedRecurrence recurrence = new PatternedRecurrence();
        RecurrencePattern pattern = new RecurrencePattern();
        pattern.setType(RecurrencePatternType.Weekly);
        pattern.setInterval(1);
        pattern.setDaysOfWeek(List.of(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday));
        RecurrenceRange range = new RecurrenceRange();
        range.setType(RecurrenceRangeType.EndDate);
        range.setStartDate(LocalDate.parse("2026-01-05"));
        range.setEndDate(LocalDate.parse("2026-01-14"));
        recurrence.setPattern(pattern);
        recurrence.setRange(range);
        series.setRecurrence(recurrence);
        Event master = graph.me().events().post(series);
        assertThat(master.getType().getValue()).isEqualTo("seriesMaster");

        Round first = round(null);

        assertThat(first.items()).hasSize(5).allSatisfy(e -> {
            assertThat(e.getType().getValue()).isEqualTo("occurrence");
            assertThat(e.getSeriesMasterId()).isEqualTo(master.getId());
        });
        assertThat(first.items()).extracting(e -> e.getStart().getDateTime()).containsExactly(
                "2026-01-05T08:00:00.0000000", "2026-01-07T08:00:00.0000000", "2026-01-09T08:00:00.0000000",
                "2026-01-12T08:00:00.0000000", "2026-01-14T08:00:00.0000000");

        String moved = first.ids().get(1);
        String cancelled = first.ids().get(2);
        Event change = new Event();
        change.setSubject("Stand-up (moved)");
        change.setStart(time("2026-01-07T11:00:00", "W. Europe Standard Time"));
        change.setEnd(time("2026-01-07T11:15:00", "W. Europe Standard Time"));
        Event exception = graph.me().events().byEventId(moved).patch(change);
        graph.me().events().byEventId(cancelled).delete();

        Round second = round(first.deltaLink());

        assertThat(exception.getType().getValue()).isEqualTo("exception");
        assertThat(second.ids()).containsExactlyInAnyOrder(moved, cancelled);
        assertThat(second.removed(cancelled)).isTrue();
        assertThat(second.items()).filteredOn(e -> e.getId().equals(moved)).singleElement().satisfies(e -> {
            assertThat(e.getType().getValue()).isEqualTo("exception");
            assertThat(e.getStart().getDateTime()).isEqualTo("2026-01-07T10:00:00.0000000");
            assertThat(e.getOriginalStart().toInstant()).isEqualTo(Instant.parse("2026-01-07T08:00:00Z"));
        });
        List<Event> instances = graph.me().events().byEventId(master.getId()).instances().get(c -> {
            c.queryParameters.startDateTime = WINDOW_START;
            c.queryParameters.endDateTime = WINDOW_END;
        }).getValue();
        assertThat(instances).extracting(Event::getId).doesNotContain(cancelled).contains(moved).hasSize(4);
    }
}
