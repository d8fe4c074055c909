package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Function;

/**
 * One column of a {@code meta.k8s.io/v1} Table: what kube-apiserver puts in {@code columnDefinitions} plus how the
 * cell is computed from the stored object.
 *
 * @param name the header (kubectl upper-cases it)
 * @param type {@code string}, {@code integer}, {@code number}, {@code boolean} or {@code date}
 * @param format {@code name} for the primary column, else empty
 * @param priority 0 is always shown, above 0 only with {@code -o wide}
 * @param cell the cell value (a String, Long, Double, Boolean, or null for an empty cell)
 */
record PrinterColumn(String name, String type, String format, String description, int priority,
    Function<JsonNode, Object> cell) {

  static PrinterColumn nameColumn() {
    return new PrinterColumn("Name", "string", "name",
        "Name must be unique within a namespace. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        0, object -> Json.text(object, "metadata", "name"));
  }

  static PrinterColumn ageColumn() {
    return new PrinterColumn("Age", "date", "",
        "CreationTimestamp is a timestamp representing the server time when this object was created.", 0,
        object -> HumanDuration.since(Json.text(object, "metadata", "creationTimestamp")));
  }

  static PrinterColumn of(String name, String type, int priority, Function<JsonNode, Object> cell) {
    return new PrinterColumn(name, type, "", "", priority, cell);
  }
}
