package io.calendarsync.emulators.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.http.Router;

/** HTTP admin API over {@link CalendarAdmin}, identical for both vendors; event bodies are the vendor's JSON. */
public final class CalendarAdminRoutes {

    private static final String EVENTS = "/admin/users/{user}/calendars/{calendarId}/events";
    private static final String EVENT = EVENTS + "/{eventId}";

    private CalendarAdminRoutes() {
    }

    public static void register(Router router, CalendarAdmin admin, InvitationLog invitations) {
        router.add("GET", "/admin/users", r -> Response.json(Json.object().set("users", Json.tree(admin.users()))));
        router.add("POST", "/admin/users", r -> {
            ObjectNode body = r.json();
            User user = admin.createUser(Json.required(body, "email"), Json.text(body, "displayName").orElse(null));
            return Response.json(201, Json.tree(user));
        });
        router.add("GET", "/admin/users/{user}/calendars", r ->
                Response.json(Json.object().set("calendars", Json.tree(admin.calendars(r.param("user"))))));
        router.add("POST", "/admin/users/{user}/calendars", r -> {
            ObjectNode body = r.json();
            CalendarInfo calendar = admin.createCalendar(r.param("user"), Json.text(body, "id").orElse(null),
                    Json.text(body, "name").orElse("Calendar"));
            return Response.json(201, Json.tree(calendar));
        });
        router.add("GET", EVENTS, r -> {
            var events = admin.events(r.param("user"), r.param("calendarId"));
            return Response.json(Json.object().set("events", Json.tree(events)));
        });
        router.add("POST", EVENTS, r ->
                Response.json(201, admin.createEvent(r.param("user"), r.param("calendarId"), r.json())));
        router.add("GET", EVENT, r ->
                Response.json(admin.event(r.param("user"), r.param("calendarId"), r.param("eventId"))));
        router.add("PATCH", EVENT, r -> Response.json(
                admin.updateEvent(r.param("user"), r.param("calendarId"), r.param("eventId"), r.json())));
        router.add("DELETE", EVENT, r -> {
            admin.deleteEvent(r.param("user"), r.param("calendarId"), r.param("eventId"));
            return Response.noContent();
        });
        router.add("POST", "/admin/sync-state/invalidate", r -> {
            admin.invalidateSyncState();
            return Response.noContent();
        });
        router.add("GET", "/admin/invitations", r ->
                Response.json(Json.object().set("invitations", Json.tree(invitations.all()))));
        router.add("DELETE", "/admin/invitations", r -> {
            invitations.clear();
            return Response.noContent();
        });
    }
}
