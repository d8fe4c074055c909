package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Opens watches ({@code GET ...?watch=true}) with kube-apiserver's resourceVersion semantics, for any transport:
 * <ul>
 *   <li>no resourceVersion (or {@code 0}): the current objects as ADDED events, then every later change;</li>
 *   <li>a resourceVersion: exactly the changes after it, replayed from the hub's history, then live; a version older
 *       than the history gets an ERROR event with 410 Expired, so informers relist;</li>
 *   <li>{@code sendInitialEvents=true}: the current objects, then a BOOKMARK marking the end of the initial events.</li>
 * </ul>
 * Label and field selectors filter as for lists, the deprecated per-name form ({@code .../secrets/name?watch=1})
 * too, and {@code Accept: ...as=Table} (kubectl get -w) gets each event's object as a one-row Table.
 */
final class WatchService {

  /** A running watch; close it when the client goes away. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private final PlaygroundDispatcher dispatcher;
  private final WatchHub hub;

  WatchService(PlaygroundDispatcher dispatcher, WatchHub hub) {
    this.dispatcher = dispatcher;
    this.hub = hub;
  }

  /** Checks the request before the response starts: unknown resources fail here with a normal HTTP error. */
  ResourcePath target(ApiRequest request) {
    ResourcePath target = ResourcePath.resolve(request.path(), dispatcher.catalog());
    if (target == null) {
      throw ApiException.notFound("the server could not find the requested resource");
    }
    if (target.subresource() != null) {
      throw ApiException.methodNotAllowed("watch is not supported on subresources");
    }
    String rv = request.param("resourceVersion");
    if (rv != null && !rv.isEmpty()) {
      try {
        Long.parseLong(rv);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("invalid resource version: " + rv);
      }
    }
    return target;
  }

  /** Sends the initial events and subscribes; every event is one JSON document handed to the sink in order. */
  Subscription open(ApiRequest request, ResourcePath target, Consumer<String> sink) {
    Predicate<JsonNode> filter = PlaygroundDispatcher.filter(request);
    if (target.name() != null) {
      String name = target.name();
      filter = filter.and(o -> name.equals(Json.text(o, "metadata", "name")));
    }
    ResourcePath collection = new ResourcePath(target.type(), target.namespace(), null, null);
    WatchStream stream = new WatchStream(target.type(), target.namespace(), filter, request.wantsTable(),
        request.param("includeObject"), sink);
    String rv = request.param("resourceVersion");
    boolean initialEvents = request.flag("sendInitialEvents");
    long from;
    if (rv == null || rv.isEmpty() || rv.equals("0") || initialEvents) {
      ObjectStore.Listing listing = dispatcher.select(request, collection);
      java.util.List<ObjectNode> items = listing.items();
      if (target.name() != null) {
        items = items.stream().filter(o -> target.name().equals(Json.text(o, "metadata", "name"))).toList();
      }
      stream.initial(items);
      if (initialEvents) {
        stream.initialEventsEnd(listing.resourceVersion());
      }
      from = Long.parseLong(listing.resourceVersion());
    } else {
      from = Long.parseLong(rv);
    }
    try {
      hub.subscribe(from, stream);
    } catch (WatchHub.Expired e) {
      stream.expired(e.getMessage());
      return () -> {
      };
    }
    return () -> hub.unsubscribe(stream);
  }
}
