package io.calendarsync.receiver.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers of a Google Calendar push notification, as Google sends them for a watched calendar's events. */
public final class GooglePushes {

  private GooglePushes() {}

  public static Map<String, String> headers(String channelId, String token, String resourceId, String state,
      String messageNumber) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Goog-Channel-ID", channelId);
    headers.put("X-Goog-Channel-Token", token);
    headers.put("X-Goog-Channel-Expiration", "Mon, 09 Mar 2026 09:00:00 GMT");
    headers.put("X-Goog-Resource-ID", resourceId);
    headers.put("X-Goog-Resource-URI", "https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json");
    headers.put("X-Goog-Resource-State", state);
    headers.put("X-Goog-Message-Number", messageNumber);
    return headers;
  }
}
