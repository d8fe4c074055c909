package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The subset of Kubernetes JSONPath that printer columns use: {@code .a.b}, {@code ['a.b']}, {@code [0]},
 * {@code [-1]}, {@code [1:3]}, {@code [*]}, {@code .*}, {@code ..a} and filters such as
 * {@code [?(@.type=="Ready")]} (with {@code == != < <= > >=} against a string, number, boolean or another
 * {@code @} path, or a bare {@code @.path} for existence). The surrounding {@code {}} and a leading {@code $} are
 * optional. A path that selects nothing yields an empty list, never an error.
 */
final class JsonPath {

  private interface Step {
    void apply(JsonNode node, List<JsonNode> out);
  }

  private final String expression;
  private final List<Step> steps;

  private JsonPath(String expression, List<Step> steps) {
    this.expression = expression;
    this.steps = steps;
  }

  static JsonPath compile(String expression) {
    String e = expression.trim();
    if (e.startsWith("{") && e.endsWith("}")) {
      e = e.substring(1, e.length() - 1).trim();
    }
    if (e.startsWith("$")) {
      e = e.substring(1);
    }
    return new JsonPath(expression, new Parser(e).parse());
  }

  String expression() {
    return expression;
  }

  List<JsonNode> evaluate(JsonNode root) {
    List<JsonNode> current = new ArrayList<>();
    if (root != null) {
      current.add(root);
    }
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        if (node != null && !node.isMissingNode()) {
          step.apply(node, next);
        }
      }
      current = next;
    }
    return current;
  }

  /** The first match, or null. */
  JsonNode first(JsonNode root) {
    List<JsonNode> all = evaluate(root);
    return all.isEmpty() ? null : all.get(0);
  }

  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    List<Step> parse() {
      List<Step> steps = new ArrayList<>();
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '.') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '.') {
            i += 2;
            String name = identifier();
            steps.add(recursive(name));
          } else {
            i++;
            if (i < s.length() && s.charAt(i) == '*') {
              i++;
              steps.add(JsonPath::children);
            } else if (i < s.length() && s.charAt(i) == '[') {
              // ".[0]" is accepted by kubectl; treat as "[0]"
              continue;
            } else {
              String name = identifier();
              if (!name.isEmpty()) {
                steps.add(field(name));
              }
            }
          }
        } else if (c == '[') {
          steps.add(bracket());
        } else if (Character.isWhitespace(c)) {
          i++;
        } else {
          // a bare first field ("spec.vendor")
          String name = identifier();
          if (name.isEmpty()) {
            throw new IllegalArgumentException("unexpected '" + c + "' at " + i + " in JSONPath " + s);
          }
          steps.add(field(name));
        }
      }
      return steps;
    }

    private String identifier() {
      StringBuilder b = new StringBuilder();
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < s.length()) {
          b.append(s.charAt(i + 1));
          i += 2;
        } else if (c == '.' || c == '[' || Character.isWhitespace(c)) {
          break;
        } else {
          b.append(c);
          i++;
        }
      }
      return b.toString();
    }

    private Step bracket() {
      int close = findClose(i);
      String inner = s.substring(i + 1, close).trim();
      i = close + 1;
      if (inner.equals("*")) {
        return JsonPath::children;
      }
      if (inner.startsWith("?(") && inner.endsWith(")")) {
        return filter(inner.substring(2, inner.length() - 1).trim());
      }
      if (inner.startsWith("'") || inner.startsWith("\"")) {
        List<String> names = new ArrayList<>();
        for (String part : splitTopLevel(inner, ',')) {
          names.add(unquote(part.trim()));
        }
        return (node, out) -> names.forEach(n -> field(n).apply(node, out));
      }
      if (inner.contains(":")) {
        String[] parts = inner.split(":", -1);
        Integer from = parts[0].isBlank() ? null : Integer.parseInt(parts[0].trim());
        Integer to = parts[1].isBlank() ? null : Integer.parseInt(parts[1].trim());
        return (node, out) -> {
          if (node.isArray()) {
            int size = node.size();
            int start = from == null ? 0 : from < 0 ? Math.max(0, size + from) : Math.min(from, size);
            int end = to == null ? size : to < 0 ? Math.max(0, size + to) : Math.min(to, size);
            for (int k = start; k < end; k++) {
              out.add(node.get(k));
            }
          }
        };
      }
      List<Integer> indexes = new ArrayList<>();
      for (String part : inner.split(",")) {
        indexes.add(Integer.parseInt(part.trim()));
      }
      return (node, out) -> {
        if (node.isArray()) {
          for (int index : indexes) {
            int k = index < 0 ? node.size() + index : index;
            if (k >= 0 && k < node.size()) {
              out.add(node.get(k));
            }
          }
        }
      };
    }

    private int findClose(int open) {
      int depth = 0;
      char quote = 0;
      for (int k = open; k < s.length(); k++) {
        char c = s.charAt(k);
        if (quote != 0) {
          if (c == '\\') {
            k++;
          } else if (c == quote) {
            quote = 0;
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
          if (depth == 0) {
            return k;
          }
        }
      }
      throw new IllegalArgumentException("unclosed [ in JSONPath " + s);
    }
  }

  private static Step field(String name) {
    return (node, out) -> {
      if (node.isObject() && node.has(name)) {
        out.add(node.get(name));
      }
    };
  }

  private static void children(JsonNode node, List<JsonNode> out) {
    if (node.isArray() || node.isObject()) {
      node.elements().forEachRemaining(out::add);
    }
  }

  private static Step recursive(String name) {
    return new Step() {
      @Override
      public void apply(JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
          if (name.equals("*") || name.isEmpty()) {
            node.elements().forEachRemaining(out::add);
          } else if (node.has(name)) {
            out.add(node.get(name));
          }
          for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            apply(it.next().getValue(), out);
          }
        } else if (node.isArray()) {
          node.elements().forEachRemaining(child -> apply(child, out));
        }
      }
    };
  }

  private static Step filter(String condition) {
    String[] ops = {"==", "!=", "<=", ">=", "<", ">"};
    String op = null;
    int at = -1;
    for (String candidate : ops) {
      int k = indexOutsideQuotes(condition, candidate);
      if (k >= 0 && (at < 0 || k < at)) {
        op = candidate;
        at = k;
      }
    }
    final String operator = op;
    final Operand left = Operand.of(op == null ? condition : condition.substring(0, at).trim());
    final Operand right = op == null ? null : Operand.of(condition.substring(at + op.length()).trim());
    return (node, out) -> {
      List<JsonNode> candidates = new ArrayList<>();
      if (node.isArray()) {
        node.elements().forEachRemaining(candidates::add);
      } else if (node.isObject()) {
        node.elements().forEachRemaining(candidates::add);
      }
      for (JsonNode candidate : candidates) {
        JsonNode l = left.value(candidate);
        if (operator == null) {
          if (l != null && !l.isNull()) {
            out.add(candidate);
          }
          continue;
        }
        JsonNode r = right.value(candidate);
        if (l != null && r != null && compare(l, operator, r)) {
          out.add(candidate);
        }
      }
    };
  }

  private static boolean compare(JsonNode l, String op, JsonNode r) {
    if (l.isNumber() && r.isNumber()) {
      int c = Double.compare(l.asDouble(), r.asDouble());
      return test(c, op);
    }
    if (l.isValueNode() && r.isValueNode()) {
      int c = l.asText().compareTo(r.asText());
      if (op.equals("==") || op.equals("!=")) {
        return op.equals("==") == l.asText().equals(r.asText());
      }
      return test(c, op);
    }
    boolean equal = l.equals(r);
    return switch (op) {
      case "==" -> equal;
      case "!=" -> !equal;
      default -> false;
    };
  }

  private static boolean test(int c, String op) {
    return switch (op) {
      case "==" -> c == 0;
      case "!=" -> c != 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  private interface Operand {
    JsonNode value(JsonNode current);

    static Operand of(String text) {
      if (text.startsWith("@")) {
        JsonPath path = JsonPath.compile(text.substring(1));
        return path::first;
      }
      JsonNode literal;
      if (text.startsWith("'") || text.startsWith("\"")) {
        literal = Json.object().textNode(unquote(text));
      } else if (text.equals("true") || text.equals("false")) {
        literal = Json.object().booleanNode(Boolean.parseBoolean(text));
      } else {
        try {
          literal = Json.object().numberNode(Double.parseDouble(text));
        } catch (NumberFormatException e) {
          literal = Json.object().textNode(text);
        }
      }
      JsonNode value = literal;
      return current -> value;
    }
  }

  private static String unquote(String quoted) {
    if (quoted.length() >= 2 && (quoted.charAt(0) == '\'' || quoted.charAt(0) == '"')
        && quoted.charAt(quoted.length() - 1) == quoted.charAt(0)) {
      StringBuilder b = new StringBuilder();
      for (int k = 1; k < quoted.length() - 1; k++) {
        char c = quoted.charAt(k);
        if (c == '\\' && k + 1 < quoted.length() - 1) {
          b.append(quoted.charAt(++k));
        } else {
          b.append(c);
        }
      }
      return b.toString();
    }
    return quoted;
  }

  private static int indexOutsideQuotes(String s, String token) {
    char quote = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (quote != 0) {
        if (c == '\\') {
          k++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (s.startsWith(token, k)) {
        return k;
      }
    }
    return -1;
  }

  private static List<String> splitTopLevel(String s, char separator) {
    List<String> parts = new ArrayList<>();
    char quote = 0;
    int start = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (quote != 0) {
        if (c == '\\') {
          k++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == separator) {
        parts.add(s.substring(start, k));
        start = k + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  @Override
  public String toString() {
    return expression;
  }
}
