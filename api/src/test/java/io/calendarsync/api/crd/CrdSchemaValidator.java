package io.calendarsync.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a manifest the way a real API server would at {@code kubectl apply} time: the structural schema (types,
 * enums, required fields, patterns, unknown fields refused) and the CEL {@code x-kubernetes-validations}, including
 * transition rules against the previous object on update. The fabric8 mock server validates nothing, so this is how
 * the tests prove the schema refuses a bad manifest.
 */
final class CrdSchemaValidator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Cel CEL = CelFactory.standardCelBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("self", SimpleType.DYN)
      .addVar("oldSelf", SimpleType.DYN)
      .build();

  private final JsonNode openApiSchema;
  private final JsonSchema structural;

  CrdSchemaValidator(CustomResourceDefinition crd) {
    this.openApiSchema = JSON.valueToTree(crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema());
    this.structural = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
        .getSchema(refuseUnknownFields(openApiSchema.deepCopy()));
  }

  static JsonNode yaml(String text) {
    try {
      return new YAMLMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Errors for creating {@code object}; empty when the API server would accept it. */
  List<String> validateCreate(JsonNode object) {
    return validate(object, null);
  }

  /** Errors for replacing {@code oldObject} with {@code object}. */
  List<String> validateUpdate(JsonNode oldObject, JsonNode object) {
    return validate(object, oldObject);
  }

  private List<String> validate(JsonNode object, JsonNode oldObject) {
    List<String> errors = new ArrayList<>();
    for (ValidationMessage message : structural.validate(withoutMetadata(object))) {
      errors.add(message.getMessage());
    }
    if (errors.isEmpty()) {
      checkRules("", openApiSchema, object, oldObject, errors);
    }
    return errors;
  }

  private static JsonNode withoutMetadata(JsonNode object) {
    ObjectNode copy = object.deepCopy();
    copy.remove(List.of("apiVersion", "kind", "metadata"));
    return copy;
  }

  /** The API server drops or (with strict field validation, kubectl's default) refuses fields the schema lacks. */
  private static JsonNode refuseUnknownFields(JsonNode schema) {
    if (schema.has("properties") && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      ((ObjectNode) schema).set("additionalProperties", BooleanNode.FALSE);
    }
    schema.path("properties").forEach(CrdSchemaValidator::refuseUnknownFields);
    if (schema.has("items")) {
      refuseUnknownFields(schema.get("items"));
    }
    return schema;
  }

  private void checkRules(String path, JsonNode schema, JsonNode value, JsonNode oldValue, List<String> errors) {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String expression = rule.get("rule").asText();
      boolean transition = expression.contains("oldSelf");
      if (transition && oldValue == null) {
        continue;
      }
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("self", toCel(value));
      if (transition) {
        variables.put("oldSelf", toCel(oldValue));
      }
      if (!Boolean.TRUE.equals(evaluate(expression, variables))) {
        String field = path + rule.path("fieldPath").asText("");
        errors.add((field.isEmpty() ? "<root>" : field) + ": " + rule.path("message").asText(expression));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      var property = it.next();
      JsonNode child = value.get(property.getKey());
      if (child != null && !child.isNull()) {
        JsonNode oldChild = oldValue == null ? null : oldValue.get(property.getKey());
        checkRules(path + "." + property.getKey(), property.getValue(), child, oldChild, errors);
      }
    }
  }

  private static Object evaluate(String expression, Map<String, Object> variables) {
    try {
      return CEL.createProgram(CEL.compile(expression).getAst()).eval(variables);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("CEL rule does not evaluate: " + expression, e);
    }
  }

  private static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), toCel(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(toCel(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }
}
