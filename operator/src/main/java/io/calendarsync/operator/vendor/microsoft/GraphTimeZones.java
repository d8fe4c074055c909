package io.calendarsync.operator.vendor.microsoft;

import com.ibm.icu.util.TimeZone;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Time zones as Graph names them: Windows names ("W. Europe Standard Time"), translated to and from IANA ids with
 * ICU's copy of CLDR's windowsZones table, so the translation follows CLDR releases instead of a table of our own.
 */
final class GraphTimeZones {

  /** What Graph understands for a zone no Windows zone matches: the times are then written in UTC. */
  static final String UTC = "UTC";

  /**
   * ICU walks its whole windowsZones table on every look-up, which cost more than the rest of an event's mapping, so
   * answers are kept, for zones and for Windows and IANA names (bounded sets); other names are looked up each time.
   */
  private static final Map<ZoneId, String> WINDOWS_NAMES = new ConcurrentHashMap<>();
  private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

  private GraphTimeZones() {
  }

  /**
   * The Windows name written for {@code zone}. Several IANA zones share one Windows zone (Amsterdam and Berlin are
   * both "W. Europe Standard Time"), which is why the event's own IANA zone travels alongside in an extended property.
   */
  static String windowsName(ZoneId zone) {
    return WINDOWS_NAMES.computeIfAbsent(zone, GraphTimeZones::lookUpWindowsName);
  }

  private static String lookUpWindowsName(ZoneId zone) {
    if (zone.normalized().equals(ZoneOffset.UTC)) {
      return UTC;
    }
    String windows = TimeZone.getWindowsID(zone instanceof ZoneOffset offset ? etcName(offset) : zone.getId());
    return windows != null ? windows : UTC;
  }

  /**
   * The zone whose rules Graph applies to {@code windowsName}: CLDR's representative zone of that Windows zone (its
   * "001" territory). Names Graph also accepts as they are (IANA ids, "UTC") are taken as such. Empty when unknown.
   */
  static Optional<ZoneId> zoneOf(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    ZoneId known = ZONES.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    String iana = TimeZone.getIDForWindowsID(name, null);
    Optional<ZoneId> zone = parse(iana != null ? TimeZone.getIanaID(iana) : name);
    if (zone.isPresent() && (iana != null || ZoneId.getAvailableZoneIds().contains(name))) {
      ZONES.put(name, zone.get());
    }
    return zone;
  }

  private static Optional<ZoneId> parse(String id) {
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** POSIX inverts the sign: UTC+3 is Etc/GMT-3. Offsets that are not whole hours have no Etc zone (nor a Windows one). */
  private static String etcName(ZoneOffset offset) {
    int seconds = offset.getTotalSeconds();
    if (seconds % 3600 != 0) {
      return offset.getId();
    }
    return "Etc/GMT" + (seconds > 0 ? "-" : "+") + Math.abs(seconds / 3600);
  }
}
