package io.calendarsync.emulators.calendar;

/** A calendar and its events. */
public final class UserCalendar {

    private final String id;
    private final User owner;
    private final String name;
    private final boolean isDefault;
    private final EventTable events = new EventTable();

    UserCalendar(String id, User owner, String name, boolean isDefault) {
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.isDefault = isDefault;
    }

    public String id() {
        return id;
    }

    public User owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public EventTable events() {
        return events;
    }

    public CalendarInfo info() {
        return new CalendarInfo(id, name, owner.email(), isDefault);
    }
}
