package io.calendarsync.operator.vendor;

import java.time.Instant;
import java.util.Optional;

/**
 * An event as the vendor holds it.
 *
 * @param id the vendor's event id
 * @param version the vendor's etag (Google) or changeKey (Graph): equal versions mean equal events, which is how the
 *     engine recognises its own writes coming back (echoes)
 * @param lastModified the vendor's last-modified time (NewestWins compares it with the entry's)
 * @param occurrenceOf set when the event is an exception of a series
 * @param ownerTag the entry key this operator stamped on the event when it wrote it (a private extended property),
 *     so an event written just before a crash, or by a provider that was deleted and re-created, is adopted rather
 *     than imported as a copy
 * @param cancelled true for a deleted event (Google keeps cancelled tombstones) or a cancelled occurrence
 */
public record ExternalEvent(String id, String version, Instant lastModified, EventContent content,
    Optional<OccurrenceOf> occurrenceOf, Optional<String> ownerTag, boolean cancelled) {}
