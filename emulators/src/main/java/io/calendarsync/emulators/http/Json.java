package io.calendarsync.emulators.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** One shared, lenient Jackson setup: the emulators keep whatever fields a client sends, so nothing binds strictly. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses a request body; a body that is not a JSON object is the client's fault, so it becomes a 400. */
    public static ObjectNode parseObject(byte[] body) {
        if (body.length == 0) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode objectNode) {
                return objectNode;
            }
        } catch (JsonProcessingException e) {
            throw new ApiError(400, null, "Malformed JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new ApiError(400, null, "The request body must be a JSON object.");
    }

    public static ObjectNode parseObject(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, null, "Invalid request body: " + e.getOriginalMessage());
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a field, empty when it is missing, null or blank. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** The text of a field the client had to send; its absence is a 400. */
    public static String required(JsonNode node, String field) {
        return text(node, field).orElseThrow(() -> new ApiError(400, null, "Missing required field: " + field));
    }

    public static ObjectNode objectField(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value instanceof ObjectNode objectNode ? objectNode : null;
    }
}
