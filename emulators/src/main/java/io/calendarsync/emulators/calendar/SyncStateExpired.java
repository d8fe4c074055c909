package io.calendarsync.emulators.calendar;

/** A sync token, delta link or page token the emulator no longer knows: the client must start a full sync. */
public final class SyncStateExpired extends RuntimeException {

    public SyncStateExpired(String message) {
        super(message, null, false, false);
    }
}
