package io.calendarsync.emulators.calendar;

import io.calendarsync.emulators.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side memory of incremental-sync positions (Google sync tokens, Graph delta tokens) and of paged result
 * snapshots, which expire together: by an explicit invalidation, by a maximum age on the emulator's clock, or by
 * being the oldest of too many (as the real services forget old state).
 *
 * @param <T> what a sync token remembers
 * @param <I> the items of a paged result
 */
public final class SyncStates<T, I> {

    /** @param finalToken set only on the last page: the sync token to use next time */
    public record Page<I>(List<I> items, String nextPageToken, String finalToken) {
    }

    private record Entry<V>(V value, Instant issuedAt) {
    }

    private record Cursor<I>(List<I> items, int offset, String finalToken) {
    }

    private static final int CAPACITY = 10_000;

    private final Clock clock;
    private final Map<String, Entry<T>> tokens = bounded();
    private final Map<String, Entry<Cursor<I>>> cursors = bounded();
    private Duration maxAge;

    public SyncStates(Clock clock) {
        this.clock = clock;
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }

    public synchronized String issue(T state) {
        String token = Ids.alphanumeric(32);
        tokens.put(token, new Entry<>(state, clock.instant()));
        return token;
    }

    public synchronized T resolve(String token) {
        return live(tokens.get(token), "sync token").value();
    }

    /** Pages {@code items}; the last page carries {@code finalToken}. */
    public synchronized Page<I> firstPage(List<I> items, int pageSize, String finalToken) {
        return page(new Cursor<>(List.copyOf(items), 0, finalToken), pageSize);
    }

    public synchronized Page<I> nextPage(String pageToken, int pageSize) {
        return page(live(cursors.get(pageToken), "page token").value(), pageSize);
    }

    public synchronized void invalidateAll() {
        tokens.clear();
        cursors.clear();
    }

    /** Sync state older than this is forgotten; null keeps it until invalidated. */
    public synchronized void setMaxAge(Duration age) {
        this.maxAge = age;
    }

    private Page<I> page(Cursor<I> cursor, int pageSize) {
        int end = Math.min(cursor.items().size(), cursor.offset() + Math.max(1, pageSize));
        List<I> items = cursor.items().subList(cursor.offset(), end);
        if (end == cursor.items().size()) {
            return new Page<>(items, null, cursor.finalToken());
        }
        String next = Ids.alphanumeric(32);
        cursors.put(next, new Entry<>(new Cursor<>(cursor.items(), end, cursor.finalToken()), clock.instant()));
        return new Page<>(items, next, null);
    }

    private <V> Entry<V> live(Entry<V> entry, String what) {
        if (entry == null) {
            throw new SyncStateExpired("unknown or invalidated " + what);
        }
        if (maxAge != null && clock.instant().isAfter(entry.issuedAt().plus(maxAge))) {
            throw new SyncStateExpired(what + " is older than " + maxAge);
        }
        return entry;
    }
}
