package io.calendarsync.emulators.microsoft;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.http.ApiError;
import io.calendarsync.emulators.http.Json;
import io.calendarsync.emulators.http.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.StringJoiner;

/**
 * Plain (non-delta) collection pages: {@code $top} / {@code $skip} or {@code Prefer: odata.maxpagesize}, with an
 * absolute {@code @odata.nextLink} that repeats the request with the next {@code $skip}.
 */
final class GraphCollections {

    private static final int DEFAULT_PAGE_SIZE = 10;

    private GraphCollections() {
    }

    static ObjectNode page(List<ObjectNode> items, Request request, GraphReadOptions options, String baseUrl,
                           String context, UnaryOperator<ObjectNode> render) {
        int top = request.query("$top").map(GraphCollections::number)
                .orElse(options.maxPageSize() != null ? options.maxPageSize() : DEFAULT_PAGE_SIZE);
        int skip = request.query("$skip").map(GraphCollections::number).orElse(0);
        int end = Math.min(items.size(), skip + Math.max(1, top));
        ObjectNode body = Json.object().put("@odata.context", context);
        ArrayNode value = body.putArray("value");
        items.subList(Math.min(skip, items.size()), end).forEach(item -> value.add(render.apply(item)));
        if (end < items.size()) {
            body.put("@odata.nextLink", baseUrl + request.path() + "?" + queryWithSkip(request, end));
        }
        return body;
    }

    private static String queryWithSkip(Request request, int skip) {
        StringJoiner query = new StringJoiner("&");
        request.queryParameters().forEach((name, values) -> {
            if (!name.equals("$skip")) {
                values.forEach(v -> query.add(encode(name) + "=" + encode(v)));
            }
        });
        return query.add("$skip=" + skip).toString();
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
