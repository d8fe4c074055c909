package io.calendarsync.emulators.microsoft;

import io.calendarsync.emulators.http.Request;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the caller wants events rendered: {@code Prefer: outlook.timezone="..."} (Graph answers in UTC otherwise),
 * {@code Prefer: odata.maxpagesize=N}, and which single-value extended properties {@code $expand} asks for.
 *
 * @param expandedProperties null when not expanded; empty when expanded without a filter (all of them)
 */
record GraphReadOptions(String timeZoneName, ZoneId zone, Set<String> expandedProperties, Integer maxPageSize) {

    private static final Pattern PROPERTY_ID = Pattern.compile("id\\s+eq\\s+'([^']*)'", Pattern.CASE_INSENSITIVE);

    static GraphReadOptions from(Request request) {
        String timeZoneName = "UTC";
        ZoneId zone = ZoneOffset.UTC;
        Integer maxPageSize = null;
        for (String preference : preferences(request)) {
            int eq = preference.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = preference.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = preference.substring(eq + 1).trim().replace("\"", "");
            if (name.equals("outlook.timezone")) {
                timeZoneName = value;
                zone = WindowsTimeZones.resolve(value);
            } else if (name.equals("odata.maxpagesize")) {
                maxPageSize = Integer.parseInt(value);
            }
        }
        return new GraphReadOptions(timeZoneName, zone, expanded(request.query("$expand").orElse(null)),
                maxPageSize);
    }

    /** What goes into {@code Preference-Applied}. */
    String applied() {
        String applied = "outlook.timezone=\"" + timeZoneName + "\"";
        return maxPageSize == null ? applied : applied + ", odata.maxpagesize=" + maxPageSize;
    }

    private static Set<String> expanded(String expand) {
        if (expand == null || !expand.toLowerCase(Locale.ROOT).contains("singlevalueextendedproperties")) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = PROPERTY_ID.matcher(expand);
        while (matcher.find()) {
            ids.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return ids;
    }

    /** All Prefer values, split at commas outside quotes (a zone name has none, but a client may quote anything). */
    private static List<String> preferences(Request request) {
        List<String> result = new ArrayList<>();
        for (String header : request.headers("Prefer")) {
            StringBuilder current = new StringBuilder();
            boolean quoted = false;
            for (char c : header.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                }
                if (c == ',' && !quoted) {
                    result.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            result.add(current.toString());
        }
        return result;
    }
}
