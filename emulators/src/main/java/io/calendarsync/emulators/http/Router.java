package io.calendarsync.emulators.http;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Maps method + path template ({@code /calendar/v3/calendars/{calendarId}/events}) to handlers. Templates with more
 * literal segments win, so {@code .../events/watch} is not taken for an event id.
 */
public final class Router {

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request);
    }

    record Match(String template, Map<String, String> params, Handler handler) {
    }

    private record Route(String method, String template, String[] parts, long literals, Handler handler) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    public Router add(String method, String template, Handler handler) {
        String[] parts = template.substring(1).split("/");
        long literals = Arrays.stream(parts).filter(p -> !isParameter(p)).count();
        routes.add(new Route(method, template, parts, literals, handler));
        routes.sort(Comparator.comparingLong(Route::literals).reversed());
        return this;
    }

    Match match(String method, List<String> segments) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = bind(route, segments);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route.template(), params, route.handler());
            }
            pathKnown = true;
        }
        String call = method + " /" + String.join("/", segments);
        throw pathKnown
                ? new ApiError(405, null, "The emulator does not support " + call)
                : new ApiError(404, null, "The emulator has no route for " + call);
    }

    private static Map<String, String> bind(Route route, List<String> segments) {
        if (route.parts().length != segments.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String part = route.parts()[i];
            if (isParameter(part)) {
                params.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }

    private static boolean isParameter(String part) {
        return part.startsWith("{") && part.endsWith("}");
    }
}
