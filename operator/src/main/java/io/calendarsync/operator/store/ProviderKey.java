package io.calendarsync.operator.store;

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
    int slash = value.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a provider key (namespace/name): " + value);
    }
    return new ProviderKey(value.substring(0, slash), value.substring(slash + 1));
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
