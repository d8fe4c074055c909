package io.calendarsync.receiver.oauth;

import io.calendarsync.receiver.http.Reply;
import io.calendarsync.receiver.metrics.RejectionReason;

/**
 * The pages a person sees after a consent screen. They are fixed texts: the only request input ever shown, the
 * vendor's error code, is escaped and shortened.
 */
final class ConsentPage {

  private static final int MAX_SHOWN_ERROR_LENGTH = 64;

  private ConsentPage() {}

  static Reply granted() {
    return page(200, "Calendar access granted", "Calendar access granted; you can close this page.");
  }

  static Reply refused(RejectionReason reason) {
    String message = switch (reason) {
      case REPLAYED_STATE -> "This consent link was already used or has expired. Ask for a new one.";
      case EXPIRED_STATE -> "This consent link has expired. Ask for a new one.";
      case REDIS_UNAVAILABLE, DEADLINE_EXCEEDED ->
          "Calendar access could not be saved right now. Reload this page in a minute.";
      case INTERNAL_ERROR -> "Something went wrong. Reload this page in a minute.";
      default -> "This consent link is not valid. Ask for a new one.";
    };
    return page(reason.status(), "Calendar access not granted", message);
  }

  static Reply vendorRefused(String error) {
    String shown = error.length() > MAX_SHOWN_ERROR_LENGTH ? error.substring(0, MAX_SHOWN_ERROR_LENGTH) : error;
    return page(RejectionReason.VENDOR_ERROR.status(), "Calendar access not granted",
        "The calendar provider did not grant access (" + escape(shown) + "). Ask for a new consent link to try again.");
  }

  /** @param message already escaped */
  private static Reply page(int status, String title, String message) {
    return Reply.html(status, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
        + "</title></head>\n<body><p>" + message + "</p></body></html>\n");
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
