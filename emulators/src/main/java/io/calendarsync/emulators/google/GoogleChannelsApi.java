package io.calendarsync.emulators.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.calendar.CalendarInfo;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Request;
import io.calendarsync.emulators.http.Response;
import io.calendarsync.emulators.http.Router;
import io.calendarsync.emulators.oauth.BearerAuthenticator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code events.watch} and {@code channels.stop}. */
final class GoogleChannelsApi {

    private final GoogleCalendars calendars;
    private final GoogleChannels channels;
    private final BearerAuthenticator authenticator;
    private final String baseUrl;

    GoogleChannelsApi(GoogleCalendars calendars, GoogleChannels channels, BearerAuthenticator authenticator,
                      String baseUrl) {
        this.calendars = calendars;
        this.channels = channels;
        this.authenticator = authenticator;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.add("POST", GoogleEventsApi.EVENTS + "/watch", this::watch);
        router.add("POST", "/calendar/v3/channels/stop", this::stop);
    }

    private Response watch(Request request) {
        String calendarId = request.param("calendarId");
        CalendarInfo calendar = calendars.calendarInfo(authenticator.require(request).user(), calendarId);
        String resourceUri = baseUrl + "/calendar/v3/calendars/"
                + URLEncoder.encode(calendarId, StandardCharsets.UTF_8) + "/events?alt=json";
        return Response.json(GoogleChannels.toJson(channels.watch(calendar, resourceUri, request.json())));
    }

    private Response stop(Request request) {
        authenticator.require(request);
        ObjectNode body = request.json();
        String id = Json.required(body, "id");
        if (!channels.stop(id, Json.text(body, "resourceId").orElse(""))) {
            throw new ApiError(404, "notFound", "Channel '" + id + "' not found");
        }
        return Response.noContent();
    }
}
