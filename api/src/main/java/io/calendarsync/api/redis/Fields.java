package io.calendarsync.api.redis;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reading the string fields of a Redis hash or stream entry, with errors that name the field. */
final class Fields {

  private final String what;
  private final Map<String, String> fields;

  Fields(String what, Map<String, String> fields) {
    this.what = what;
    this.fields = fields;
  }

  String required(String name) {
    String value = fields.get(name);
    if (value == null || value.isEmpty()) {
      throw malformed("has no " + name);
    }
    return value;
  }

  String optional(String name) {
    String value = fields.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  Instant epochMillis(String name) {
    String value = required(name);
    try {
      return Instant.ofEpochMilli(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw malformed("has a " + name + " that is not epoch milliseconds");
    }
  }

  <T> T wireName(String name, Function<String, Optional<T>> parser) {
    return parser.apply(required(name)).orElseThrow(() -> malformed("has an unknown " + name));
  }

  <T> T optionalWireName(String name, Function<String, Optional<T>> parser) {
    return optional(name) == null ? null : wireName(name, parser);
  }

  private IllegalArgumentException malformed(String problem) {
    return new IllegalArgumentException(what + " " + problem);
  }

  static String epochMillis(Instant instant) {
    return Long.toString(instant.toEpochMilli());
  }
}
