package io.calendarsync.operator.vendor.google;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** Time zones as Google names them: IANA names only, so fixed offsets are translated. */
final class GoogleTimeZones {

  private GoogleTimeZones() {
  }

  /**
   * The IANA name Google accepts for {@code zone}; empty for an offset no IANA zone has (the offset in the times still
   * fixes the instants). Whole-hour offsets map to {@code Etc/GMT±h}, whose sign is inverted by POSIX convention.
   */
  static Optional<String> nameOf(ZoneId zone) {
    if (!(zone instanceof ZoneOffset offset)) {
      return Optional.of(zone.getId());
    }
    int seconds = offset.getTotalSeconds();
    if (seconds == 0) {
      return Optional.of("UTC");
    }
    if (seconds % 3600 != 0) {
      return Optional.empty();
    }
    return Optional.of("Etc/GMT" + (seconds > 0 ? "-" : "+") + Math.abs(seconds / 3600));
  }

  /**
   * The zone Google names; empty when the name is missing or unknown to this JVM. A bare offset ("Z", "+02:00") becomes
   * the region id that names it ({@code UTC}, {@code Etc/GMT-2}), which the schedule store and both vendors accept.
   */
  static Optional<ZoneId> named(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    try {
      ZoneId zone = ZoneId.of(name);
      if (zone instanceof ZoneOffset offset) {
        return nameOf(offset).map(ZoneId::of);
      }
      return Optional.of(zone);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
