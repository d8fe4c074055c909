package io.calendarsync.emulators.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates a CRD schema's {@code x-kubernetes-validations} with CEL as kube-apiserver does: each rule sees the value
 * at its schema node as {@code self}; a transition rule (one that mentions {@code oldSelf}) runs only on update and
 * only where the field existed before. Standard CEL plus its {@code duration()} covers the project's rules;
 * Kubernetes' extra CEL libraries (quantity, url, ip, regex extensions) are not available, and a rule that does not
 * compile is reported, never silently passed. The playground's API server and the CRD schema tests both use it, so
 * the rules are judged the same way wherever a manifest is checked.
 */
public final class CelRules {

  /**
   * A rule that did not hold.
   *
   * @param field where, such as {@code spec.syncInterval} (empty for the object itself)
   * @param reason the rule's reason, {@code FieldValueInvalid} unless it names one
   * @param message the rule's message, or what went wrong evaluating it
   * @param valueType the JSON type of the value the rule judged, as kube-apiserver names it
   */
  public record Violation(String field, String reason, String message, String valueType) {

    /** The message as kube-apiserver words it in a 422 Invalid. */
    public String apiServerMessage() {
      return "Invalid value: \"" + valueType + "\": " + message;
    }
  }

  private static final Cel CEL = CelFactory.standardCelBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("self", SimpleType.DYN)
      .addVar("oldSelf", SimpleType.DYN)
      .build();

  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

  private CelRules() {
  }

  /**
   * The violated rules of {@code value} (an object, or a part of one at {@code path}) against its schema;
   * {@code oldValue} is the stored object on update and {@code null} on create.
   */
  public static List<Violation> check(String path, JsonNode schema, JsonNode value, JsonNode oldValue) {
    List<Violation> violations = new ArrayList<>();
    check(path, schema, value, oldValue, violations);
    return violations;
  }

  private static void check(String path, JsonNode schema, JsonNode value, JsonNode oldValue,
      List<Violation> violations) {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String expression = rule.path("rule").asText();
      boolean transition = expression.contains("oldSelf");
      if (transition && (oldValue == null || oldValue.isNull())) {
        continue;
      }
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("self", toCel(value));
      if (transition) {
        variables.put("oldSelf", toCel(oldValue));
      }
      String field = path + rule.path("fieldPath").asText("");
      Object result;
      try {
        result = program(expression).eval(variables);
      } catch (CelEvaluationException | IllegalArgumentException e) {
        violations.add(new Violation(field, "FieldValueInvalid",
            "rule \"" + expression + "\" could not be evaluated: " + e.getMessage(), typeName(value)));
        continue;
      }
      if (!Boolean.TRUE.equals(result)) {
        String message = rule.has("message") ? rule.get("message").asText()
            : "failed rule: " + expression;
        violations.add(new Violation(field, rule.path("reason").asText("FieldValueInvalid"), message,
            typeName(value)));
      }
    }
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> property = it.next();
        JsonNode child = value.get(property.getKey());
        if (child != null && !child.isNull() && !property.getKey().equals("metadata")) {
          JsonNode oldChild = oldValue == null ? null : oldValue.get(property.getKey());
          check(path.isEmpty() ? property.getKey() : path + "." + property.getKey(), property.getValue(), child,
              oldChild, violations);
        }
      }
    } else if (value.isArray() && schema.has("items")) {
      int index = 0;
      for (JsonNode element : value) {
        // list items are not correlated with the old list here: transition rules inside lists are skipped
        check(path + "[" + index++ + "]", schema.get("items"), element, null, violations);
      }
    }
  }

  /**
   * Compiles every rule of a schema ahead of its first use (CEL's first compilation takes seconds on a cold JVM), so
   * it happens when a CRD is installed rather than on the first {@code kubectl apply}. Rules that do not compile are
   * left to fail, visibly, when an object is written.
   */
  public static void precompile(JsonNode schema) {
    if (schema == null) {
      return;
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      try {
        program(rule.path("rule").asText());
      } catch (IllegalArgumentException e) {
        // reported on write
      }
    }
    schema.path("properties").forEach(CelRules::precompile);
    if (schema.has("items")) {
      precompile(schema.get("items"));
    }
    if (schema.path("additionalProperties").isObject()) {
      precompile(schema.get("additionalProperties"));
    }
  }

  private static CelRuntime.Program program(String expression) {
    return PROGRAMS.computeIfAbsent(expression, e -> {
      try {
        CelAbstractSyntaxTree ast = CEL.compile(e).getAst();
        return CEL.createProgram(ast);
      } catch (CelValidationException | CelEvaluationException ex) {
        throw new IllegalArgumentException("does not compile: " + ex.getMessage(), ex);
      }
    });
  }

  private static String typeName(JsonNode value) {
    return value.isObject() ? "object" : value.isArray() ? "array" : value.isTextual() ? "string"
        : value.isBoolean() ? "boolean" : value.isIntegralNumber() ? "integer" : "number";
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
