package io.calendarsync.emulators.calendar;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Tells push channels and subscriptions about every committed write; listeners must only enqueue, never block. */
public final class ChangeFeed {

    private final List<Consumer<EventChange>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<EventChange> listener) {
        listeners.add(listener);
    }

    public void publish(EventChange change) {
        listeners.forEach(listener -> listener.accept(change));
    }
}
