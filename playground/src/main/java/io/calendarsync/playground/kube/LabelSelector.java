package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code labelSelector} query parameter: {@code a=b}, {@code a==b}, {@code a!=b}, {@code a}, {@code !a},
 * {@code a in (x,y)}, {@code a notin (x,y)}, comma-separated, all of which must hold.
 */
final class LabelSelector implements Predicate<JsonNode> {

  private static final Pattern SET = Pattern.compile("^\\s*([^\\s!=]+)\\s+(in|notin)\\s+\\(([^)]*)\\)\\s*$");

  private final List<Predicate<JsonNode>> requirements;

  private LabelSelector(List<Predicate<JsonNode>> requirements) {
    this.requirements = requirements;
  }

  static LabelSelector parse(String selector) {
    List<Predicate<JsonNode>> requirements = new ArrayList<>();
    if (selector == null || selector.isBlank()) {
      return new LabelSelector(requirements);
    }
    for (String requirement : split(selector)) {
      String r = requirement.trim();
      if (r.isEmpty()) {
        continue;
      }
      Matcher set = SET.matcher(r);
      if (set.matches()) {
        String key = set.group(1);
        Set<String> values = Set.copyOf(java.util.Arrays.stream(set.group(3).split(","))
            .map(String::trim).filter(v -> !v.isEmpty()).toList());
        boolean in = set.group(2).equals("in");
        requirements.add(o -> {
          String value = label(o, key);
          return in ? value != null && values.contains(value) : value == null || !values.contains(value);
        });
      } else if (r.contains("!=")) {
        String key = r.substring(0, r.indexOf("!=")).trim();
        String value = r.substring(r.indexOf("!=") + 2).trim();
        requirements.add(o -> !value.equals(label(o, key)));
      } else if (r.contains("=")) {
        int eq = r.indexOf('=');
        String key = r.substring(0, eq).trim();
        String value = r.substring(r.startsWith("=", eq + 1) ? eq + 2 : eq + 1).trim();
        requirements.add(o -> value.equals(label(o, key)));
      } else if (r.startsWith("!")) {
        String key = r.substring(1).trim();
        requirements.add(o -> label(o, key) == null);
      } else {
        requirements.add(o -> label(o, r) != null);
      }
    }
    return new LabelSelector(requirements);
  }

  private static String label(JsonNode object, String key) {
    JsonNode value = object.path("metadata").path("labels").get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> split(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(selector.substring(start));
    return parts;
  }

  @Override
  public boolean test(JsonNode object) {
    return requirements.stream().allMatch(r -> r.test(object));
  }
}
