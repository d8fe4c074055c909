package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.calendar.SyncStateExpired;
import io.calendarsync.emulators.calendar.SyncStates;
import io.calendarsync.emulators.calendar.User;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Request;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.http.Router;
import io.calendarsync.emulators.oauth.BearerAuthenticator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code calendarView/delta}: the first round returns every instance in the window, later rounds (through the delta
 * link) what changed since. A delta link remembers which instances, at which version, the client has seen, so
 * anything that left the window is reported {@code @removed} whether it was deleted or merely moved away, as Graph
 * does. Pages are a snapshot taken at the round's first request; links point at this emulator.
 */
final class CalendarViewDelta {

    private static final int DEFAULT_PAGE_SIZE = 10;
    private static final List<String> PATHS = List.of("/v1.0/me/calendarView/", "/v1.0/me/calendar/calendarView/",
            "/v1.0/me/calendars/{calendarId}/calendarView/");

    private final GraphCalendars calendars;
    private final BearerAuthenticator authenticator;
    private final String baseUrl;

    CalendarViewDelta(GraphCalendars calendars, BearerAuthenticator authenticator, String baseUrl) {
        this.calendars = calendars;
        this.authenticator = authenticator;
        this.baseUrl = baseUrl;
    }

    /** The SDK's first request goes to the function form {@code delta()}; Graph's own links use {@code delta}. */
    void register(Router router) {
        for (String path : PATHS) {
            router.add("GET", path + "delta", this::delta);
            router.add("GET", path + "delta()", this::delta);
        }
    }

    private Response delta(Request request) {
        String user = authenticator.require(request).user();
        GraphReadOptions options = GraphReadOptions.from(request);
        int pageSize = options.maxPageSize() != null ? options.maxPageSize() : DEFAULT_PAGE_SIZE;
        SyncStates.Page<ObjectNode> page;
        try {
            Optional<String> skipToken = request.query("$skiptoken");
            page = skipToken.isPresent()
                    ? calendars.deltaStates().nextPage(skipToken.get(), pageSize)
                    : round(request, user, pageSize);
        } catch (SyncStateExpired e) {
            throw new ApiError(410, "SyncStateNotFound", null);
        }
        ObjectNode body = Json.object().put("@odata.context", baseUrl + "/v1.0/$metadata#Collection(event)");
        ArrayNode value = body.putArray("value");
        page.items().forEach(item -> value.add(item.has("@removed") ? item : GraphEventDocuments.render(item, options)));
        String link = baseUrl + request.path().replaceFirst("\\(\\)$", "");
        if (page.nextPageToken() != null) {
            body.put("@odata.nextLink", link + "?$skiptoken=" + page.nextPageToken());
        } else {
            body.put("@odata.deltaLink", link + "?$deltatoken=" + page.finalToken());
        }
        return Response.json(body).withHeader("Preference-Applied", options.applied());
    }

    private SyncStates.Page<ObjectNode> round(Request request, String user, int pageSize) {
        User owner = calendars.user(user);
        String calendarId = calendars.calendarInfo(user, request.param("calendarId")).id();
        Optional<String> deltaToken = request.query("$deltatoken");
        GraphCalendars.DeltaState previous = null;
        TimeWindow window;
        if (deltaToken.isPresent()) {
            previous = calendars.deltaStates().resolve(deltaToken.get());
            if (!previous.userId().equals(owner.id()) || !previous.calendarId().equals(calendarId)) {
                throw new SyncStateExpired("delta token of another calendar");
            }
            window = new TimeWindow(previous.from(), previous.to());
        } else {
            window = TimeWindow.of(request);
        }
        List<GraphCalendars.Instance> current = calendars.view(user, calendarId, window.from(), window.to());
        Map<String, Long> seen = new LinkedHashMap<>();
        List<ObjectNode> items = new ArrayList<>();
        for (GraphCalendars.Instance instance : current) {
            seen.put(instance.id(), instance.version());
            if (previous == null || !Objects.equals(previous.seen().get(instance.id()), instance.version())) {
                items.add(instance.body());
            }
        }
        if (previous != null) {
            previous.seen().keySet().stream().filter(id -> !seen.containsKey(id)).forEach(id -> items.add(removed(id)));
        }
        String next = calendars.deltaStates().issue(new GraphCalendars.DeltaState(owner.id(), calendarId,
                window.from(), window.to(), seen));
        return calendars.deltaStates().firstPage(items, pageSize, next);
    }

    private static ObjectNode removed(String id) {
        ObjectNode item = Json.object().put("@odata.type", "#microsoft.graph.event").put("id", id);
        item.putObject("@removed").put("reason", "deleted");
        return item;
    }
}
