package io.calendarsync.operator.vendor.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.users.item.calendars.item.calendarview.delta.DeltaRequestBuilder;
import com.microsoft.kiota.RequestAdapter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One page of a calendarView delta round, read as the few fields a round is sorted by. The engine takes an event's
 * content from a read with our stamp expanded (delta items carry no extended properties), never from the delta item,
 * so the page is not turned into SDK models: building them (the SDK's backing store) was most of a full listing's
 * client-side cost.
 *
 * @param nextLink the next page of the round, or null on its last page
 * @param deltaLink the cursor for the next round, on the last page only
 */
record DeltaPage(List<Item> items, String nextLink, String deltaLink) {

  /**
   * A delta item: removed (only its id is known) or an instance of the view.
   *
   * @param type Graph's {@code type}: singleInstance, occurrence, exception or seriesMaster
   */
  record Item(String id, boolean removed, String type, String seriesMasterId, String changeKey, boolean cancelled) {}

  DeltaPage {
    items = List.copyOf(items);
  }

  /** Sends the request the builder describes and reads its answer; errors surface as the SDK's (ODataError). */
  static DeltaPage get(RequestAdapter adapter, DeltaRequestBuilder builder,
      Consumer<DeltaRequestBuilder.GetRequestConfiguration> config) {
    return parse(GraphJson.get(adapter, builder.toGetRequestInformation(config)));
  }

  static DeltaPage parse(JsonNode page) {
    List<Item> items = new ArrayList<>();
    for (JsonNode item : page.path("value")) {
      items.add(new Item(item.path("id").asText(null), item.has("@removed"), item.path("type").asText("singleInstance"),
          item.path("seriesMasterId").asText(null), item.path("changeKey").asText(null),
          item.path("isCancelled").asBoolean(false)));
    }
    return new DeltaPage(items, page.path("@odata.nextLink").asText(null), page.path("@odata.deltaLink").asText(null));
  }
}
