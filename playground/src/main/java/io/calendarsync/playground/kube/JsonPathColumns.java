package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Printer columns from a CRD version's {@code additionalPrinterColumns}, computed the way apiextensions-apiserver's
 * table convertor does: Name first, then each column's JSONPath evaluated against the object, the first match
 * converted by the column type ({@code date} becomes an age such as {@code 5m}, a wrong type or no match becomes an
 * empty cell). A CRD without columns gets Name and Age.
 */
final class JsonPathColumns {

  private JsonPathColumns() {
  }

  static List<PrinterColumn> fromCrdVersion(JsonNode version) {
    List<PrinterColumn> columns = new ArrayList<>();
    columns.add(PrinterColumn.nameColumn());
    JsonNode defined = version.path("additionalPrinterColumns");
    if (!defined.isArray() || defined.isEmpty()) {
      columns.add(PrinterColumn.ageColumn());
      return columns;
    }
    for (JsonNode column : defined) {
      String type = column.path("type").asText("string");
      JsonPath path = JsonPath.compile(column.path("jsonPath").asText());
      columns.add(new PrinterColumn(column.path("name").asText(), type, column.path("format").asText(""),
          column.path("description").asText(""), column.path("priority").asInt(0),
          object -> cell(type, path.first(object))));
    }
    return columns;
  }

  static Object cell(String type, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    switch (type) {
      case "integer":
        return value.isNumber() ? (Object) value.asLong() : null;
      case "number":
        if (value.isIntegralNumber()) {
          return value.asLong();
        }
        return value.isNumber() ? (Object) value.asDouble() : null;
      case "boolean":
        return value.isBoolean() ? (Object) value.asBoolean() : null;
      case "date":
        return value.isTextual() ? HumanDuration.since(value.asText()) : null;
      default:
        return value.isValueNode() ? value.asText() : Json.write(value);
    }
  }
}
