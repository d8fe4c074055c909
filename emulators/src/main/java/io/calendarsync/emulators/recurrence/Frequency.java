package io.calendarsync.emulators.recurrence;

public enum Frequency {
    DAILY, WEEKLY, MONTHLY, YEARLY
}
