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
import io.calendarsync.emulators.kubernetes.CelRules;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a manifest the way a real API server would at {@code kubectl apply} time: the structural schema (types,
 * enums, required fields, patterns, unknown fields refused) and the CEL {@code x-kubernetes-validations}, including
 * transition rules against the previous object on update. The fabric8 mock server validates nothing, so this is how
 * the tests prove the schema refuses a bad manifest.
 */
final class CrdSchemaValidator {

  private static final ObjectMapper JSON = new ObjectMapper();

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
      for (CelRules.Violation violation : CelRules.check("", openApiSchema, object, oldObject)) {
        errors.add((violation.field().isEmpty() ? "<root>" : violation.field()) + ": " + violation.message());
      }
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
}
