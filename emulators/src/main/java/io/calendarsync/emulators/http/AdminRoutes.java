package io.calendarsync.emulators.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The vendor-neutral part of the HTTP admin API: request counters, faults, push deliveries, the clock. */
public final class AdminRoutes {

    private AdminRoutes() {
    }

    public static void register(Router router, Counters requests, FaultInjector faults, PushDeliverer push,
                                Clock clock) {
        router.add("GET", "/admin/requests", r -> {
            ObjectNode body = Json.object();
            body.put("total", requests.total());
            body.set("byRoute", Json.tree(requests.snapshot()));
            return Response.json(body);
        });
        router.add("DELETE", "/admin/requests", r -> {
            requests.reset();
            return Response.noContent();
        });

        router.add("GET", "/admin/faults", r -> Response.json(Json.object().set("faults", Json.tree(faults.pending()))));
        router.add("POST", "/admin/faults", r -> {
            Fault fault = Json.convert(r.json(), Fault.class);
            faults.add(fault);
            return Response.json(201, Json.tree(fault));
        });
        router.add("DELETE", "/admin/faults", r -> {
            faults.clear();
            return Response.noContent();
        });

        router.add("GET", "/admin/deliveries", r -> {
            var deliveries = r.query("kind").map(push::deliveries).orElseGet(push::deliveries);
            return Response.json(Json.object().set("deliveries", Json.tree(deliveries)));
        });
        router.add("DELETE", "/admin/deliveries", r -> {
            push.clear();
            return Response.noContent();
        });

        router.add("GET", "/admin/clock", r -> Response.json(clockBody(clock)));
        router.add("POST", "/admin/clock", r -> {
            if (!(clock instanceof MutableClock mutable)) {
                throw new ApiError(409, null, "This emulator runs on a clock that cannot be moved.");
            }
            ObjectNode body = r.json();
            Json.text(body, "now").map(Instant::parse).ifPresent(mutable::set);
            if (body.has("advanceSeconds")) {
                mutable.advance(Duration.ofSeconds(body.get("advanceSeconds").asLong()));
            }
            return Response.json(clockBody(clock));
        });
    }

    private static ObjectNode clockBody(Clock clock) {
        return Json.object().put("now", clock.instant().toString());
    }
}
