package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.calendar.SyncStateExpired;
import io.calendarsync.emulators.calendar.SyncStates;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Plain (non-delta) collection pages: {@code $top} / {@code $skip} or {@code Prefer: odata.maxpagesize}. The first
 * request computes the collection once and keeps it as a snapshot; its absolute {@code @odata.nextLink} repeats the
 * request's query with a {@code $skiptoken} naming the snapshot, so later pages are neither recomputed nor shifted by
 * writes made while the client pages, as Graph's page tokens pin what they list.
 */
final class GraphCollections {

    private static final int DEFAULT_PAGE_SIZE = 10;

    private final SyncStates<?, ObjectNode> snapshots;
    private final String baseUrl;

    GraphCollections(SyncStates<?, ObjectNode> snapshots, String baseUrl) {
        this.snapshots = snapshots;
        this.baseUrl = baseUrl;
    }

    /** @param items computed only for a first page: a {@code $skiptoken} request reads its snapshot */
    ObjectNode page(Supplier<List<ObjectNode>> items, Request request, GraphReadOptions options, String context,
                    UnaryOperator<ObjectNode> render) {
        int top = request.query("$top").map(GraphCollections::number)
                .orElse(options.maxPageSize() != null ? options.maxPageSize() : DEFAULT_PAGE_SIZE);
        SyncStates.Page<ObjectNode> page;
        Optional<String> skipToken = request.query("$skiptoken");
        try {
            if (skipToken.isPresent()) {
                page = snapshots.nextPage(skipToken.get(), top);
            } else {
                List<ObjectNode> all = items.get();
                int skip = Math.min(all.size(), request.query("$skip").map(GraphCollections::number).orElse(0));
                page = snapshots.firstPage(all.subList(skip, all.size()), top, null);
            }
        } catch (SyncStateExpired e) {
            throw new ApiError(410, "SyncStateNotFound", null);
        }
        ObjectNode body = Json.object().put("@odata.context", context);
        ArrayNode value = body.putArray("value");
        page.items().forEach(item -> value.add(render.apply(item)));
        if (page.nextPageToken() != null) {
            body.put("@odata.nextLink", baseUrl + request.path() + "?" + queryWith(request, page.nextPageToken()));
        }
        return body;
    }

    private static String queryWith(Request request, String skipToken) {
        StringJoiner query = new StringJoiner("&");
        request.queryParameters().forEach((name, values) -> {
            if (!name.equals("$skip") && !name.equals("$skiptoken")) {
                values.forEach(v -> query.add(encode(name) + "=" + encode(v)));
            }
        });
        return query.add("$skiptoken=" + skipToken).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%24", "$");
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "BadRequest", "Invalid value '" + value + "' for a paging parameter.");
        }
    }
}
