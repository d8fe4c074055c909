package io.calendarsync.emulators.calendar;

import java.util.ArrayList;
import java.util.List;

/** Every invitation the real service would have sent, so a test can assert there were none. */
public final class InvitationLog {

    private final List<Invitation> sent = new ArrayList<>();

    public synchronized void record(Invitation invitation) {
        sent.add(invitation);
    }

    public synchronized List<Invitation> all() {
        return List.copyOf(sent);
    }

    public synchronized void clear() {
        sent.clear();
    }
}
