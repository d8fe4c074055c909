package io.calendarsync.emulators.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.calendar.CalendarInfo;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Request;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.http.Router;
import io.calendarsync.emulators.oauth.BearerAuthenticator;
import java.time.Clock;

/** The Calendar v3 routes for calendars and events, translating HTTP to {@link GoogleCalendars}. */
final class GoogleEventsApi {

    static final String CALENDAR = "/calendar/v3/calendars/{calendarId}";
    static final String EVENTS = CALENDAR + "/events";
    private static final String EVENT = EVENTS + "/{eventId}";

    private final GoogleCalendars calendars;
    private final BearerAuthenticator authenticator;
    private final Clock clock;

    GoogleEventsApi(GoogleCalendars calendars, BearerAuthenticator authenticator, Clock clock) {
        this.calendars = calendars;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("GET", "/calendar/v3/users/me/calendarList", this::calendarList);
        router.add("GET", CALENDAR, this::calendar);
        router.add("GET", EVENTS, this::list);
        router.add("POST", EVENTS, r -> Response.json(calendars.insert(user(r), r.param("calendarId"), r.json(),
                writeOptions(r))));
        router.add("GET", EVENT, r -> Response.json(calendars.get(user(r), r.param("calendarId"),
                r.param("eventId"))));
        router.add("PUT", EVENT, r -> Response.json(calendars.update(user(r), r.param("calendarId"),
                r.param("eventId"), r.json(), writeOptions(r))));
        router.add("PATCH", EVENT, r -> Response.json(calendars.patch(user(r), r.param("calendarId"),
                r.param("eventId"), r.json(), writeOptions(r))));
        router.add("DELETE", EVENT, r -> {
            calendars.delete(user(r), r.param("calendarId"), r.param("eventId"), writeOptions(r));
            return Response.noContent();
        });
        router.add("GET", EVENT + "/instances", this::instances);
    }

    private String user(Request request) {
        return authenticator.require(request).user();
    }

    private Response calendarList(Request request) {
        ObjectNode body = Json.object().put("kind", "calendar#calendarList").put("etag", etag());
        var items = body.putArray("items");
        for (CalendarInfo calendar : calendars.calendars(user(request))) {
            items.addObject()
                    .put("kind", "calendar#calendarListEntry")
                    .put("id", calendar.id())
                    .put("summary", calendar.name())
                    .put("timeZone", GoogleCalendars.CALENDAR_ZONE.getId())
                    .put("accessRole", "owner")
                    .put("primary", calendar.isDefault());
        }
        return Response.json(body);
    }

    private Response calendar(Request request) {
        CalendarInfo calendar = calendars.calendarInfo(user(request), request.param("calendarId"));
        return Response.json(Json.object()
                .put("kind", "calendar#calendar")
                .put("etag", etag())
                .put("id", calendar.id())
                .put("summary", calendar.name())
                .put("timeZone", GoogleCalendars.CALENDAR_ZONE.getId()));
    }

    private Response list(Request request) {
        String user = user(request);
        GoogleCalendars.EventPage page =
                calendars.list(user, request.param("calendarId"), GoogleListQuery.from(request));
        return Response.json(page(calendars.calendarInfo(user, request.param("calendarId")), page));
    }

    private Response instances(Request request) {
        String user = user(request);
        GoogleCalendars.EventPage page = calendars.instances(user, request.param("calendarId"),
                request.param("eventId"), GoogleListQuery.from(request));
        return Response.json(page(calendars.calendarInfo(user, request.param("calendarId")), page));
    }

    private ObjectNode page(CalendarInfo calendar, GoogleCalendars.EventPage page) {
        ObjectNode body = Json.object()
                .put("kind", "calendar#events")
                .put("etag", etag())
                .put("summary", calendar.name())
                .put("updated", GoogleTimes.timestamp(clock.instant()))
                .put("timeZone", GoogleCalendars.CALENDAR_ZONE.getId())
                .put("accessRole", "owner");
        body.putArray("defaultReminders");
        if (page.nextPageToken() != null) {
            body.put("nextPageToken", page.nextPageToken());
        }
        if (page.nextSyncToken() != null) {
            body.put("nextSyncToken", page.nextSyncToken());
        }
        body.putArray("items").addAll(page.items());
        return body;
    }

    private String etag() {
        return "\"p" + clock.millis() + "\"";
    }

    private static GoogleCalendars.WriteOptions writeOptions(Request request) {
        String sendUpdates = request.query("sendUpdates")
                .or(() -> request.query("sendNotifications").filter(Boolean::parseBoolean).map(v -> "all"))
                .orElse(null);
        return new GoogleCalendars.WriteOptions(request.header("If-Match").orElse(null), sendUpdates);
    }
}
