package io.calendarsync.operator.vendor.microsoft;

import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.models.FreeBusyStatus;
import com.microsoft.graph.models.Sensitivity;

import java.util.Optional;

/**
 * The version the port reports for a Graph event: its change key, then what a later write to it depends on, so an
 * update can be one PATCH with If-Match instead of a read and a PATCH. Whatever the event shows then is what it showed
 * at that change key (any edit moves the key, and the If-Match refuses the write), so these facts are as good as a
 * fresh read: {@code changeKey;flags}, flags from {@code m} (a meeting we organize: writes would notify attendees),
 * {@code s} (a series master), {@code t} (shown tentative), {@code p} (private or confidential). Change keys are
 * base64, which has no ';'. A version without ';' was recorded before the flags existed and gets a read first.
 *
 * @param changeKey Graph's change key, the If-Match value
 * @param meeting the event has attendees and we are its organizer
 */
record EventVersion(String changeKey, boolean meeting, boolean series, boolean tentative, boolean privately) {

  private static final char SEPARATOR = ';';

  /** What the event shows now. */
  static EventVersion from(Event event) {
    return from(EventFields.of(event));
  }

  static EventVersion from(EventFields event) {
    return new EventVersion(event.changeKey(), event.attendees() > 0 && !Boolean.FALSE.equals(event.organizer()),
        event.type() == EventType.SeriesMaster, event.showAs() == FreeBusyStatus.Tentative,
        event.sensitivity() == Sensitivity.Private || event.sensitivity() == Sensitivity.Confidential);
  }

  /** The version string the port reports. */
  String value() {
    return changeKey + SEPARATOR + (meeting ? "m" : "") + (series ? "s" : "") + (tentative ? "t" : "")
        + (privately ? "p" : "");
  }

  /** What a version says; empty for a version recorded without flags. */
  static Optional<EventVersion> parse(String version) {
    int separator = version.indexOf(SEPARATOR);
    if (separator < 0) {
      return Optional.empty();
    }
    String flags = version.substring(separator + 1);
    return Optional.of(new EventVersion(version.substring(0, separator), flags.indexOf('m') >= 0,
        flags.indexOf('s') >= 0, flags.indexOf('t') >= 0, flags.indexOf('p') >= 0));
  }

  /** The change key of a version, with or without flags. */
  static String changeKeyOf(String version) {
    int separator = version.indexOf(SEPARATOR);
    return separator < 0 ? version : version.substring(0, separator);
  }
}
