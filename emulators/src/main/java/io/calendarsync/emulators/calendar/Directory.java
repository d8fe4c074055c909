package io.calendarsync.emulators.calendar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Users (found by email or id) and the calendars each owns. Guarded by the owning store's lock. */
public final class Directory {

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, List<UserCalendar>> calendars = new LinkedHashMap<>();

    /** Creates the user, or returns the existing one with that email. Ids derive from the email, stable across runs. */
    public User addUser(String email, String displayName) {
        String key = email.toLowerCase(Locale.ROOT);
        return users.computeIfAbsent(key, k -> {
            String id = UUID.nameUUIDFromBytes(k.getBytes(StandardCharsets.UTF_8)).toString();
            calendars.put(id, new ArrayList<>());
            return new User(id, email, displayName == null ? email : displayName);
        });
    }

    public Optional<User> user(String emailOrId) {
        if (emailOrId == null) {
            return Optional.empty();
        }
        User byEmail = users.get(emailOrId.toLowerCase(Locale.ROOT));
        if (byEmail != null) {
            return Optional.of(byEmail);
        }
        return users.values().stream().filter(u -> u.id().equalsIgnoreCase(emailOrId)).findFirst();
    }

    public List<User> users() {
        return List.copyOf(users.values());
    }

    /** @throws IllegalArgumentException when the user already has a calendar with that id */
    public UserCalendar addCalendar(User owner, String id, String name, boolean isDefault) {
        List<UserCalendar> owned = calendars.get(owner.id());
        if (owned.stream().anyMatch(c -> c.id().equals(id))) {
            throw new IllegalArgumentException("calendar " + id + " already exists");
        }
        UserCalendar calendar = new UserCalendar(id, owner, name, isDefault);
        owned.add(calendar);
        return calendar;
    }

    public List<UserCalendar> calendars(User owner) {
        return List.copyOf(calendars.get(owner.id()));
    }

    public Optional<UserCalendar> calendar(User owner, String id) {
        return calendars.get(owner.id()).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<UserCalendar> defaultCalendar(User owner) {
        return calendars.get(owner.id()).stream().filter(UserCalendar::isDefault).findFirst();
    }
}
