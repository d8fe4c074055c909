package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@code fieldSelector} query parameter evaluated against the stored object: {@code path=value},
 * {@code path==value} and {@code path!=value}, comma-separated, where path is a dotted field path such as
 * {@code metadata.name}, {@code involvedObject.uid} or {@code status.phase}; a missing field compares as the empty
 * string, as kube-apiserver's field sets do. This is what makes {@code kubectl describe} list only the events of the
 * described object (it selects on {@code involvedObject.name}, {@code .namespace}, {@code .kind} and {@code .uid}).
 * Values may escape {@code \,} {@code \=} and {@code \\}.
 */
final class FieldSelector implements Predicate<JsonNode> {

  private record Requirement(List<String> path, boolean equal, String value) {
  }

  private final List<Requirement> requirements;

  private FieldSelector(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  static FieldSelector parse(String selector) {
    List<Requirement> requirements = new ArrayList<>();
    if (selector == null || selector.isBlank()) {
      return new FieldSelector(requirements);
    }
    for (String term : splitUnescaped(selector, ',')) {
      if (term.isBlank()) {
        continue;
      }
      int op = indexUnescaped(term, '=');
      if (op < 0) {
        throw ApiException.badRequest("invalid field selector: '" + term + "': no operator");
      }
      boolean equal = true;
      int keyEnd = op;
      int valueStart = op + 1;
      if (op > 0 && term.charAt(op - 1) == '!') {
        equal = false;
        keyEnd = op - 1;
      } else if (op + 1 < term.length() && term.charAt(op + 1) == '=') {
        valueStart = op + 2;
      }
      String key = term.substring(0, keyEnd).trim();
      String value = unescape(term.substring(valueStart).trim());
      requirements.add(new Requirement(List.of(key.split("\\.")), equal, value));
    }
    return new FieldSelector(requirements);
  }

  @Override
  public boolean test(JsonNode object) {
    for (Requirement r : requirements) {
      JsonNode current = object;
      for (String segment : r.path()) {
        current = current == null ? null : current.get(segment);
      }
      String actual = current == null || current.isNull() ? "" : current.isValueNode() ? current.asText() : Json.write(current);
      if (actual.equals(r.value()) != r.equal()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> splitUnescaped(String s, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        current.append(c).append(s.charAt(++i));
      } else if (c == separator) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  private static int indexUnescaped(String s, char wanted) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        b.append(s.charAt(++i));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
