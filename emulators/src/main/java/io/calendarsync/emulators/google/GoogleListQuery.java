package io.calendarsync.emulators.google;

import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Request;
import java.time.Instant;
import java.util.List;

/** The parameters of {@code events.list} and {@code events.instances}, checked the way Google checks them. */
record GoogleListQuery(int maxResults, String pageToken, String syncToken, boolean showDeleted, boolean singleEvents,
                       Instant timeMin, Instant timeMax, Instant updatedMin, List<String> privateProperties,
                       List<String> sharedProperties, String orderBy, String text, String iCalUID) {

    private static final int DEFAULT_MAX_RESULTS = 250;
    private static final int MAX_MAX_RESULTS = 2500;

    static GoogleListQuery from(Request request) {
        int maxResults = request.query("maxResults").map(GoogleListQuery::positive).orElse(DEFAULT_MAX_RESULTS);
        GoogleListQuery query = new GoogleListQuery(
                Math.min(maxResults, MAX_MAX_RESULTS),
                request.query("pageToken").orElse(null),
                request.query("syncToken").orElse(null),
                request.query("showDeleted").map(Boolean::parseBoolean).orElse(false),
                request.query("singleEvents").map(Boolean::parseBoolean).orElse(false),
                request.query("timeMin").map(v -> GoogleTimes.parseInstant(v, "timeMin")).orElse(null),
                request.query("timeMax").map(v -> GoogleTimes.parseInstant(v, "timeMax")).orElse(null),
                request.query("updatedMin").map(v -> GoogleTimes.parseInstant(v, "updatedMin")).orElse(null),
                request.queryAll("privateExtendedProperty"),
                request.queryAll("sharedExtendedProperty"),
                request.query("orderBy").orElse(null),
                request.query("q").orElse(null),
                request.query("iCalUID").orElse(null));
        query.check();
        return query;
    }

    private void check() {
        boolean narrowed = timeMin != null || timeMax != null || updatedMin != null || orderBy != null || text != null
                || iCalUID != null || !privateProperties.isEmpty() || !sharedProperties.isEmpty();
        if (syncToken != null && narrowed) {
            throw new ApiError(400, "invalid", "The syncToken parameter cannot be combined with timeMin, timeMax, "
                    + "updatedMin, orderBy, q, iCalUID or extended property filters.");
        }
        if ("startTime".equals(orderBy) && !singleEvents) {
            throw new ApiError(400, "badRequest", "The requested ordering is not available for the particular query.");
        }
        if (orderBy != null && !"startTime".equals(orderBy) && !"updated".equals(orderBy)) {
            throw new ApiError(400, "invalid", "Invalid value for orderBy: " + orderBy);
        }
        if (timeMin != null && timeMax != null && !timeMax.isAfter(timeMin)) {
            throw new ApiError(400, "timeRangeEmpty", "The specified time range is empty.");
        }
    }

    private static int positive(String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the error Google gives for any bad value
        }
        throw new ApiError(400, "invalid", "Invalid value for maxResults: " + value);
    }
}
