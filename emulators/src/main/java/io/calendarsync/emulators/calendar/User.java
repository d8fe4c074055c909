package io.calendarsync.emulators.calendar;

/** @param id a GUID, as Graph names users in notification resources */
public record User(String id, String email, String displayName) {
}
