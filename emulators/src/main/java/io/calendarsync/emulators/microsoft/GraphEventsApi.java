package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.calendar.CalendarInfo;
import io.calendarsync.emulators.calendar.User;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Request;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.http.Router;
import io.calendarsync.emulators.oauth.BearerAuthenticator;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The delegated {@code /v1.0/me/...} routes for the profile, calendars, events and calendarView. */
final class GraphEventsApi {

    private static final List<String> EVENT_COLLECTIONS = List.of("/v1.0/me/events", "/v1.0/me/calendar/events",
            "/v1.0/me/calendars/{calendarId}/events");
    private static final List<String> CALENDAR_VIEWS = List.of("/v1.0/me/calendarView",
            "/v1.0/me/calendar/calendarView", "/v1.0/me/calendars/{calendarId}/calendarView");
    private static final Pattern PROPERTY_FILTER = Pattern.compile("singleValueExtendedProperties/any\\(\\s*(\\w+)\\s*:"
            + "\\s*\\1/id\\s+eq\\s+'([^']*)'\\s+and\\s+\\1/value\\s+eq\\s+'([^']*)'\\s*\\)", Pattern.CASE_INSENSITIVE);

    private final GraphCalendars calendars;
    private final BearerAuthenticator authenticator;
    private final String baseUrl;
    private final GraphCollections collections;

    GraphEventsApi(GraphCalendars calendars, BearerAuthenticator authenticator, String baseUrl) {
        this.calendars = calendars;
        this.authenticator = authenticator;
        this.baseUrl = baseUrl;
        this.collections = new GraphCollections(calendars.deltaStates(), baseUrl);
    }

    void register(Router router) {
        router.add("GET", "/v1.0/me", this::me);
        router.add("GET", "/v1.0/me/calendars", this::calendarList);
        router.add("GET", "/v1.0/me/calendar", this::calendar);
        router.add("GET", "/v1.0/me/calendars/{calendarId}", this::calendar);
        for (String collection : EVENT_COLLECTIONS) {
            router.add("GET", collection, this::list);
            router.add("POST", collection, this::create);
            router.add("GET", collection + "/{eventId}", this::get);
            router.add("PATCH", collection + "/{eventId}", this::patch);
            router.add("DELETE", collection + "/{eventId}", this::delete);
        }
        router.add("GET", "/v1.0/me/events/{eventId}/instances", this::instances);
        for (String view : CALENDAR_VIEWS) {
            router.add("GET", view, this::calendarView);
        }
    }

    private String user(Request request) {
        return authenticator.require(request).user();
    }

    private Response me(Request request) {
        User user = calendars.user(user(request));
        return Response.json(Json.object()
                .put("@odata.context", baseUrl + "/v1.0/$metadata#users/$entity")
                .put("id", user.id())
                .put("displayName", user.displayName())
                .put("mail", user.email())
                .put("userPrincipalName", user.email()));
    }

    private Response calendarList(Request request) {
        ObjectNode body = Json.object().put("@odata.context", baseUrl + "/v1.0/$metadata#users('me')/calendars");
        var value = body.putArray("value");
        calendars.calendars(user(request)).forEach(c -> value.add(calendarJson(c)));
        return Response.json(body);
    }

    private Response calendar(Request request) {
        return Response.json(calendarJson(calendars.calendarInfo(user(request), request.param("calendarId"))));
    }

    private static ObjectNode calendarJson(CalendarInfo calendar) {
        ObjectNode json = Json.object()
                .put("id", calendar.id())
                .put("name", calendar.name())
                .put("color", "auto")
                .put("isDefaultCalendar", calendar.isDefault())
                .put("canEdit", true)
                .put("canShare", true)
                .put("canViewPrivateItems", true);
        json.putObject("owner").put("name", calendar.owner()).put("address", calendar.owner());
        return json;
    }

    private Response list(Request request) {
        GraphReadOptions options = GraphReadOptions.from(request);
        Predicate<JsonNode> filter = filter(request.query("$filter").orElse(null));
        String user = user(request);
        return page(request, options, () -> calendars.list(user, request.param("calendarId")).stream()
                .filter(filter)
                .toList(), "events");
    }

    private Response create(Request request) {
        ObjectNode created = calendars.create(user(request), request.param("calendarId"), request.json());
        return rendered(201, created, request);
    }

    private Response get(Request request) {
        return rendered(200, calendars.get(user(request), request.param("eventId")), request);
    }

    private Response patch(Request request) {
        ObjectNode patched = calendars.patch(user(request), request.param("eventId"), request.json(),
                request.header("If-Match").orElse(null));
        return rendered(200, patched, request);
    }

    private Response delete(Request request) {
        calendars.delete(user(request), request.param("eventId"), request.header("If-Match").orElse(null));
        return Response.noContent();
    }

    private Response instances(Request request) {
        GraphReadOptions options = GraphReadOptions.from(request);
        TimeWindow window = TimeWindow.of(request);
        String user = user(request);
        return page(request, options, () -> calendars.instances(user, request.param("eventId"), window.from(),
                window.to()), "events");
    }

    private Response calendarView(Request request) {
        GraphReadOptions options = GraphReadOptions.from(request);
        TimeWindow window = TimeWindow.of(request);
        String user = user(request);
        return page(request, options, () -> calendars.view(user, request.param("calendarId"), window.from(),
                window.to()).stream().map(GraphCalendars.Instance::body).toList(), "calendarView");
    }

    /**
     * One page of stored events, rendered for the caller: the collection is computed for the first page only, and
     * only the page's events are rendered.
     */
    private Response page(Request request, GraphReadOptions options, Supplier<List<ObjectNode>> items,
                          String entitySet) {
        ObjectNode body = collections.page(items, request, options,
                baseUrl + "/v1.0/$metadata#users('me')/" + entitySet, item -> GraphEventDocuments.render(item, options));
        return Response.json(body).withHeader("Preference-Applied", options.applied());
    }

    private Response rendered(int status, ObjectNode event, Request request) {
        GraphReadOptions options = GraphReadOptions.from(request);
        ObjectNode body = GraphEventDocuments.render(event, options);
        body.put("@odata.context", baseUrl + "/v1.0/$metadata#users('me')/events/$entity");
        return Response.json(status, body).withHeader("Preference-Applied", options.applied());
    }

    /** The one {@code $filter} consumers need on events: find events by a single-value extended property. */
    private static Predicate<JsonNode> filter(String expression) {
        if (expression == null) {
            return e -> true;
        }
        Matcher matcher = PROPERTY_FILTER.matcher(expression.trim());
        if (!matcher.matches()) {
            throw new ApiError(400, "ErrorInvalidUrlQueryFilter",
                    "The emulator only filters events by singleValueExtendedProperties/any(...): " + expression);
        }
        String id = matcher.group(2);
        String value = matcher.group(3);
        return event -> {
            for (JsonNode property : event.path("singleValueExtendedProperties")) {
                if (property.path("id").asText().equalsIgnoreCase(id) && property.path("value").asText().equals(value)) {
                    return true;
                }
            }
            return false;
        };
    }
}
