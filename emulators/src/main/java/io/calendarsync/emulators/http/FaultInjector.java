package io.calendarsync.emulators.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Queue of planned faults; each matching call consumes one use of the first fault that matches it. */
public final class FaultInjector {

    private static final class Armed {
        final Fault fault;
        final Pattern path;
        int remaining;

        Armed(Fault fault) {
            this.fault = fault;
            this.path = Pattern.compile(fault.path());
            this.remaining = fault.times();
        }

        boolean matches(String method, String requestPath, String template) {
            boolean methodMatches = fault.method() == null || "*".equals(fault.method())
                    || fault.method().equalsIgnoreCase(method);
            return methodMatches && (path.matcher(requestPath).matches()
                    || (template != null && path.matcher(template).matches()));
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    public synchronized void add(Fault fault) {
        armed.add(new Armed(fault));
    }

    /** Faults still waiting to fire, with their remaining counts. */
    public synchronized List<Fault> pending() {
        return armed.stream().map(a -> a.fault.times(a.remaining)).toList();
    }

    public synchronized void clear() {
        armed.clear();
    }

    synchronized Optional<Fault> take(String method, String path, String template) {
        Iterator<Armed> it = armed.iterator();
        while (it.hasNext()) {
            Armed candidate = it.next();
            if (candidate.matches(method, path, template)) {
                if (--candidate.remaining == 0) {
                    it.remove();
                }
                return Optional.of(candidate.fault);
            }
        }
        return Optional.empty();
    }
}
