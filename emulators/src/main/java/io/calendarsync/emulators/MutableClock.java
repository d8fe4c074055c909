package io.calendarsync.emulators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests (or a person in the playground) can move, so token, channel and sync-state expiry can be exercised
 * in simulated time. It is a base clock plus an adjustable offset: on a fixed base it only moves when told, on the
 * system clock it keeps flowing and jumps when told.
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    private MutableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Time stands still at {@code start} until {@link #advance} or {@link #set} moves it. */
    public static MutableClock fixed(Instant start) {
        return new MutableClock(Clock.fixed(start, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO));
    }

    /** Follows the wall clock, shifted by whatever {@link #advance} and {@link #set} add. */
    public static MutableClock system() {
        return new MutableClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
    }

    public MutableClock advance(Duration amount) {
        offset.accumulateAndGet(Objects.requireNonNull(amount), Duration::plus);
        return this;
    }

    public MutableClock set(Instant now) {
        offset.set(Duration.between(base.instant(), now));
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Shares the offset so a zoned view keeps moving with the original.
        return new MutableClock(base.withZone(zone), offset);
    }
}
