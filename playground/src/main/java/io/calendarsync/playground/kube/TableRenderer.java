package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Renders objects as a {@code meta.k8s.io/v1 Table}, which is what {@code kubectl get} asks for
 * ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}) and prints: the type's printer columns (a CRD's
 * additionalPrinterColumns), one row per object, and per row the object as PartialObjectMetadata (default), in full
 * ({@code includeObject=Object}) or not at all ({@code includeObject=None}).
 */
final class TableRenderer {

  private TableRenderer() {
  }

  static ObjectNode render(ResourceType type, List<ObjectNode> objects, String resourceVersion, String includeObject) {
    ObjectNode table = Json.object();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode metadata = table.putObject("metadata");
    if (resourceVersion != null) {
      metadata.put("resourceVersion", resourceVersion);
    }
    ArrayNode definitions = table.putArray("columnDefinitions");
    for (PrinterColumn column : type.columns()) {
      ObjectNode definition = definitions.addObject();
      definition.put("name", column.name());
      definition.put("type", column.type());
      definition.put("format", column.format());
      definition.put("description", column.description());
      definition.put("priority", column.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (ObjectNode object : objects) {
      rows.add(row(type, object, includeObject));
    }
    return table;
  }

  private static ObjectNode row(ResourceType type, ObjectNode object, String includeObject) {
    ObjectNode row = Json.object();
    ArrayNode cells = row.putArray("cells");
    for (PrinterColumn column : type.columns()) {
      Object value;
      try {
        value = column.cell().apply(object);
      } catch (RuntimeException e) {
        value = null;
      }
      if (value == null) {
        cells.addNull();
      } else if (value instanceof Long l) {
        cells.add(l);
      } else if (value instanceof Double d) {
        cells.add(d);
      } else if (value instanceof Boolean b) {
        cells.add(b);
      } else {
        cells.add(value.toString());
      }
    }
    String mode = includeObject == null || includeObject.isEmpty() ? "Metadata" : includeObject;
    switch (mode) {
      case "None" -> {
      }
      case "Object" -> row.set("object", object);
      default -> {
        ObjectNode partial = row.putObject("object");
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.path("metadata").deepCopy());
      }
    }
    return row;
  }
}
