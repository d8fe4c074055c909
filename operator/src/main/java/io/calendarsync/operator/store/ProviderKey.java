package io.calendarsync.operator.store;

import java.util.Optional;

/**
 * A CalendarProvider as the store knows it: by namespace and name, not uid, so that a provider deleted and re-created
 * under the same name finds its mappings again.
 */
public record ProviderKey(String namespace, String name) {

  public ProviderKey {
    requireSegment(namespace, "namespace");
    requireSegment(name, "name");
  }

  /** Parses {@code <namespace>/<name>}, the form {@link #toString()} gives and the tables store. */
  public static ProviderKey parse(String value) {
    return tryParse(value).orElseThrow(
        () -> new IllegalArgumentException("not a provider key (namespace/name): " + value));
  }

  /** {@link #parse}, empty for anything that is not {@code <namespace>/<name>} (a key read from outside). */
  public static Optional<ProviderKey> tryParse(String value) {
    int slash = value == null ? -1 : value.indexOf('/');
    if (slash <= 0 || slash == value.length() - 1 || value.indexOf('/', slash + 1) >= 0
        || value.substring(0, slash).isBlank() || value.substring(slash + 1).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new ProviderKey(value.substring(0, slash), value.substring(slash + 1)));
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }

  private static void requireSegment(String value, String what) {
    if (value == null || value.isBlank() || value.contains("/")) {
      throw new IllegalArgumentException("provider " + what + " must be non-blank without '/': " + value);
    }
  }
}
