package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.emulators.kubernetes.CelRules;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates a custom resource against its CRD's structural schema the way kube-apiserver does on every write:
 * unknown fields are pruned (or refused with {@code fieldValidation=Strict}, kubectl's default), then types, enums,
 * required fields, patterns, lengths and bounds are checked, and the CEL {@code x-kubernetes-validations} are
 * evaluated ({@link CelRules}, transition rules against the stored object). Errors come back as 422 Invalid with
 * kube-apiserver's wording, e.g. {@code spec.vendor: Unsupported value: "Yahoo": supported values: "Google",
 * "Microsoft"}.
 */
final class SchemaValidator {

  private record Error(String field, String reason, String message) {
    String text() {
      return field + ": " + message;
    }
  }

  private SchemaValidator() {
  }

  /**
   * @param oldObject the stored object on update (for CEL transition rules), null on create
   * @param fieldValidation the request's fieldValidation ({@code Strict} refuses unknown fields; otherwise pruned)
   * @return warnings for the unknown fields that were pruned (none with {@code fieldValidation=Ignore})
   */
  static List<String> validate(ResourceType type, ObjectNode object, ObjectNode oldObject, String fieldValidation) {
    JsonNode schema = type.schema();
    List<Error> errors = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> property = it.next();
      if (property.getKey().equals("metadata") || property.getKey().equals("apiVersion")
          || property.getKey().equals("kind")) {
        continue;
      }
      JsonNode value = object.get(property.getKey());
      if (value != null) {
        prune(property.getKey(), property.getValue(), value, unknown);
      }
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
      String name = names.next();
      if (!List.of("apiVersion", "kind", "metadata").contains(name) && !schema.path("properties").has(name)
          && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty() && "Strict".equalsIgnoreCase(fieldValidation)) {
      StringBuilder message = new StringBuilder();
      for (String field : unknown) {
        message.append(message.isEmpty() ? "" : ", ").append("unknown field \"").append(field).append('"');
      }
      throw ApiException.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
          + type.kind() + ": strict decoding error: " + message);
    }
    List<String> warnings = new ArrayList<>();
    for (String field : unknown) {
      removePath(object, field);
      if (!"Ignore".equalsIgnoreCase(fieldValidation)) {
        warnings.add("unknown field \"" + field + "\"");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> property = it.next();
      if (property.getKey().equals("metadata")) {
        continue;
      }
      JsonNode value = object.get(property.getKey());
      if (value != null) {
        check(property.getKey(), property.getValue(), value, errors);
      }
    }
    for (JsonNode required : schema.path("required")) {
      if (!object.has(required.asText())) {
        errors.add(new Error(required.asText(), "FieldValueRequired", "Required value"));
      }
    }
    if (errors.isEmpty()) {
      for (CelRules.Violation violation : CelRules.check("", schema, object, oldObject)) {
        errors.add(new Error(violation.field().isEmpty() ? "<root>" : violation.field(), violation.reason(),
            violation.apiServerMessage()));
      }
    }
    if (!errors.isEmpty()) {
      String name = Json.text(object, "metadata", "name");
      ObjectNode details = ApiException.details(type, name);
      details.put("kind", type.kind());
      ArrayNode causes = details.putArray("causes");
      StringBuilder message = new StringBuilder();
      for (Error error : errors) {
        ObjectNode cause = causes.addObject();
        cause.put("reason", error.reason());
        cause.put("message", error.message());
        cause.put("field", error.field());
        message.append(message.isEmpty() ? "" : ", ").append(error.text());
      }
      throw ApiException.invalid(type, name, errors.size() == 1 ? message.toString() : "[" + message + "]", details);
    }
    return warnings;
  }

  private static void prune(String path, JsonNode schema, JsonNode value, List<String> unknown) {
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return;
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.get("additionalProperties");
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> entry = it.next();
        String childPath = path + "." + entry.getKey();
        if (properties.has(entry.getKey())) {
          prune(childPath, properties.get(entry.getKey()), entry.getValue(), unknown);
        } else if (additional != null && additional.isObject()) {
          prune(childPath, additional, entry.getValue(), unknown);
        } else if (additional == null || !additional.asBoolean(false)) {
          unknown.add(childPath);
        }
      }
    } else if (value.isArray() && schema.has("items")) {
      int index = 0;
      for (JsonNode element : value) {
        prune(path + "[" + index++ + "]", schema.get("items"), element, unknown);
      }
    }
  }

  private static void removePath(ObjectNode object, String path) {
    // path like "spec.foo" or "status.conditions[0].bar"
    String[] parts = path.split("\\.");
    JsonNode current = object;
    for (int i = 0; i < parts.length - 1 && current != null; i++) {
      current = step(current, parts[i]);
    }
    if (current instanceof ObjectNode parent) {
      parent.remove(parts[parts.length - 1]);
    }
  }

  private static JsonNode step(JsonNode node, String part) {
    int bracket = part.indexOf('[');
    if (bracket < 0) {
      return node.get(part);
    }
    JsonNode current = node.get(part.substring(0, bracket));
    String rest = part.substring(bracket);
    while (current != null && rest.startsWith("[")) {
      int close = rest.indexOf(']');
      current = current.get(Integer.parseInt(rest.substring(1, close)));
      rest = rest.substring(close + 1);
    }
    return current;
  }

  private static void check(String path, JsonNode schema, JsonNode value, List<Error> errors) {
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        errors.add(new Error(path, "FieldValueTypeInvalid", "Invalid value: \"null\": " + path
            + " in body must be of type " + schema.path("type").asText("object") + ": \"null\""));
      }
      return;
    }
    String type = schema.path("type").asText("");
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        errors.add(typeError(path, "integer or string", value));
      }
      return;
    }
    if (!type.isEmpty() && !hasType(type, value)) {
      errors.add(typeError(path, type, value));
      return;
    }
    JsonNode enumeration = schema.get("enum");
    if (enumeration != null && enumeration.isArray() && !contains(enumeration, value)) {
      StringBuilder supported = new StringBuilder();
      for (JsonNode option : enumeration) {
        supported.append(supported.isEmpty() ? "" : ", ").append(Json.write(option));
      }
      errors.add(new Error(path, "FieldValueNotSupported",
          "Unsupported value: " + Json.write(value) + ": supported values: " + supported));
    }
    if (value.isTextual()) {
      String text = value.asText();
      int length = text.codePointCount(0, text.length());
      if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
        errors.add(invalid(path, value, path + " in body should be at least " + schema.get("minLength").asInt()
            + " chars long"));
      }
      if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
        errors.add(new Error(path, "FieldValueTooLong", "Too long: may not be more than "
            + schema.get("maxLength").asInt() + " bytes"));
      }
      if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
        errors.add(invalid(path, value, path + " in body should match '" + schema.get("pattern").asText() + "'"));
      }
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
        errors.add(invalid(path, value, path + " in body should be greater than or equal to "
            + schema.get("minimum").asText()));
      }
      if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
        errors.add(invalid(path, value, path + " in body should be less than or equal to "
            + schema.get("maximum").asText()));
      }
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          errors.add(new Error(path + "." + required.asText(), "FieldValueRequired", "Required value"));
        }
      }
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.get("additionalProperties");
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (properties.has(entry.getKey())) {
          check(path + "." + entry.getKey(), properties.get(entry.getKey()), entry.getValue(), errors);
        } else if (additional != null && additional.isObject()) {
          check(path + "[" + entry.getKey() + "]", additional, entry.getValue(), errors);
        }
      }
    }
    if (value.isArray()) {
      if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
        errors.add(invalid(path, value, path + " in body should have at least " + schema.get("minItems").asInt()
            + " items"));
      }
      if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
        errors.add(new Error(path, "FieldValueTooMany", "Too many: " + value.size() + ": must have at most "
            + schema.get("maxItems").asInt() + " items"));
      }
      if (schema.has("items")) {
        int index = 0;
        for (JsonNode element : value) {
          check(path + "[" + index++ + "]", schema.get("items"), element, errors);
        }
      }
    }
  }

  private static boolean hasType(String type, JsonNode value) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
  }

  private static Error typeError(String path, String type, JsonNode value) {
    String actual = value.isTextual() ? "string" : value.isBoolean() ? "boolean" : value.isIntegralNumber() ? "integer"
        : value.isNumber() ? "number" : value.isArray() ? "array" : "object";
    return new Error(path, "FieldValueTypeInvalid", "Invalid value: \"" + actual + "\": " + path
        + " in body must be of type " + type + ": \"" + actual + "\"");
  }

  private static Error invalid(String path, JsonNode value, String detail) {
    return new Error(path, "FieldValueInvalid", "Invalid value: " + Json.write(value) + ": " + detail);
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode element : array) {
      if (element.equals(value) || (element.isNumber() && value.isNumber() && element.asDouble() == value.asDouble())) {
        return true;
      }
    }
    return false;
  }
}
