package io.calendarsync.emulators.calendar;

import java.time.Instant;
import java.util.List;

/**
 * A write that would have made the real service email attendees.
 *
 * @param reason why it would have: e.g. {@code sendUpdates=all}, or Graph's "attendees on a non-draft event"
 */
public record Invitation(String user, String calendarId, String eventId, String operation, String reason,
                         List<String> attendees, Instant at) {
}
