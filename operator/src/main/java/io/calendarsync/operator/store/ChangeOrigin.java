package io.calendarsync.operator.store;

import java.util.Objects;

/**
 * Who made a change to a schedule entry: the platform, or the operator applying a change that came from one
 * provider's calendar. The engine skips changes whose origin is the provider it syncs, so its own writes never echo
 * back to the calendar they came from (other providers of the same entry still receive them).
 */
public record ChangeOrigin(String value) {

  private static final String PROVIDER_PREFIX = "provider:";

  public static final ChangeOrigin PLATFORM = new ChangeOrigin("platform");

  public ChangeOrigin {
    Objects.requireNonNull(value, "value");
    if (!value.equals("platform")) {
      if (!value.startsWith(PROVIDER_PREFIX)) {
        throw new IllegalArgumentException("origin must be 'platform' or 'provider:<namespace>/<name>': " + value);
      }
      ProviderKey.parse(value.substring(PROVIDER_PREFIX.length()));
    }
  }

  public static ChangeOrigin provider(ProviderKey provider) {
    return new ChangeOrigin(PROVIDER_PREFIX + provider);
  }

  public boolean isProvider(ProviderKey provider) {
    return value.equals(PROVIDER_PREFIX + provider);
  }

  @Override
  public String toString() {
    return value;
  }
}
