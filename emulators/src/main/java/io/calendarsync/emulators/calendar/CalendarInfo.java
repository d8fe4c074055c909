package io.calendarsync.emulators.calendar;

public record CalendarInfo(String id, String name, String owner, boolean isDefault) {
}
