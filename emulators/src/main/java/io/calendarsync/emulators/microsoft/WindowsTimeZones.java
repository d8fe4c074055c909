package io.calendarsync.emulators.microsoft;

import io.calendarsync.emulators.http.ApiError;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * Graph names zones the Windows way ("W. Europe Standard Time") and also accepts IANA ids. This table covers the
 * common Windows zones (CLDR's windowsZones mapping, territory "001"); others are refused like an unknown zone.
 */
final class WindowsTimeZones {

    private static final Map<String, String> TO_IANA = Map.ofEntries(
            Map.entry("UTC", "UTC"),
            Map.entry("Coordinated Universal Time", "UTC"),
            Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("W. Central Africa Standard Time", "Africa/Lagos"),
            Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
            Map.entry("FLE Standard Time", "Europe/Kiev"),
            Map.entry("GTB Standard Time", "Europe/Bucharest"),
            Map.entry("Israel Standard Time", "Asia/Jerusalem"),
            Map.entry("South Africa Standard Time", "Africa/Johannesburg"),
            Map.entry("Egypt Standard Time", "Africa/Cairo"),
            Map.entry("Turkey Standard Time", "Europe/Istanbul"),
            Map.entry("Russian Standard Time", "Europe/Moscow"),
            Map.entry("Arab Standard Time", "Asia/Riyadh"),
            Map.entry("E. Africa Standard Time", "Africa/Nairobi"),
            Map.entry("Iran Standard Time", "Asia/Tehran"),
            Map.entry("Arabian Standard Time", "Asia/Dubai"),
            Map.entry("Pakistan Standard Time", "Asia/Karachi"),
            Map.entry("India Standard Time", "Asia/Kolkata"),
            Map.entry("Nepal Standard Time", "Asia/Kathmandu"),
            Map.entry("Bangladesh Standard Time", "Asia/Dhaka"),
            Map.entry("SE Asia Standard Time", "Asia/Bangkok"),
            Map.entry("China Standard Time", "Asia/Shanghai"),
            Map.entry("Singapore Standard Time", "Asia/Singapore"),
            Map.entry("Taipei Standard Time", "Asia/Taipei"),
            Map.entry("W. Australia Standard Time", "Australia/Perth"),
            Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
            Map.entry("Korea Standard Time", "Asia/Seoul"),
            Map.entry("Cen. Australia Standard Time", "Australia/Adelaide"),
            Map.entry("E. Australia Standard Time", "Australia/Brisbane"),
            Map.entry("AUS Eastern Standard Time", "Australia/Sydney"),
            Map.entry("New Zealand Standard Time", "Pacific/Auckland"),
            Map.entry("Azores Standard Time", "Atlantic/Azores"),
            Map.entry("Morocco Standard Time", "Africa/Casablanca"),
            Map.entry("E. South America Standard Time", "America/Sao_Paulo"),
            Map.entry("Argentina Standard Time", "America/Argentina/Buenos_Aires"),
            Map.entry("Newfoundland Standard Time", "America/St_Johns"),
            Map.entry("Atlantic Standard Time", "America/Halifax"),
            Map.entry("SA Pacific Standard Time", "America/Bogota"),
            Map.entry("Pacific SA Standard Time", "America/Santiago"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Central Standard Time (Mexico)", "America/Mexico_City"),
            Map.entry("Canada Central Standard Time", "America/Regina"),
            Map.entry("Mountain Standard Time", "America/Denver"),
            Map.entry("US Mountain Standard Time", "America/Phoenix"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("Alaskan Standard Time", "America/Anchorage"),
            Map.entry("Hawaiian Standard Time", "Pacific/Honolulu"));

    private WindowsTimeZones() {
    }

    static ZoneId resolve(String name) {
        String iana = TO_IANA.get(name);
        try {
            return ZoneId.of(iana != null ? iana : name);
        } catch (DateTimeException e) {
            throw new ApiError(400, "TimeZoneNotSupportedException", "A valid TimeZone value must be specified. "
                    + "The following TimeZone value is not supported: '" + name + "'.");
        }
    }
}
