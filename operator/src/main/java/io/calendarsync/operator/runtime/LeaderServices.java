package io.calendarsync.operator.runtime;

import java.util.ArrayList;
import java.util.List;

/** The {@link LeaderService}s of one operator: started once it leads, closed (in reverse order) when it stops. */
final class LeaderServices implements AutoCloseable {

  private final List<LeaderService> services = new ArrayList<>();
  private boolean leading;
  private boolean closed;

  LeaderServices(boolean leading) {
    this.leading = leading;
  }

  synchronized void add(LeaderService service) {
    if (closed) {
      throw new IllegalStateException("the operator is stopping");
    }
    services.add(service);
    if (leading) {
      service.start();
    }
  }

  synchronized void leading() {
    if (leading || closed) {
      return;
    }
    leading = true;
    services.forEach(LeaderService::start);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (leading) {
      for (int i = services.size() - 1; i >= 0; i--) {
        services.get(i).close();
      }
    }
  }
}
