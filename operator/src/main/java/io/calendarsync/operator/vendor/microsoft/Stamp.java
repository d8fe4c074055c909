package io.calendarsync.operator.vendor.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What this operator stamps on the events it writes, as single-value extended properties (invisible in Outlook):
 * the owner tag (the entry key, so an event is adopted rather than copied), and the event's IANA zone, because the
 * Windows name Graph keeps stands for several IANA zones (Amsterdam and Berlin are both "W. Europe Standard Time").
 *
 * @param ownerTag empty on events we did not write
 * @param zone the IANA zone we wrote the event in; empty on events we did not write
 */
record Stamp(Optional<String> ownerTag, Optional<ZoneId> zone) {

  /** Our own property set: a GUID of this project's choosing, so the names cannot clash with another app's. */
  private static final String PROPERTY_SET = "{8d3c1f6e-5b2a-4e9c-a7d0-3f6b9e2c1a54}";
  static final String OWNER_TAG = "String " + PROPERTY_SET + " Name calendarsync-entry";
  static final String ZONE = "String " + PROPERTY_SET + " Name calendarsync-zone";
  /** The {@code $expand} that makes Graph return our properties (reads leave extended properties out otherwise). */
  static final String EXPAND =
      "singleValueExtendedProperties($filter=id eq '" + OWNER_TAG + "' or id eq '" + ZONE + "')";

  static final Stamp NONE = new Stamp(Optional.empty(), Optional.empty());

  /** Read from an event fetched with {@link #EXPAND}. */
  static Stamp of(Event event) {
    return new Stamp(value(event, OWNER_TAG), value(event, ZONE).flatMap(Stamp::zone));
  }

  /** Read from an event of a listing's JSON fetched with {@link #EXPAND}. */
  static Stamp of(JsonNode event) {
    return new Stamp(value(event, OWNER_TAG), value(event, ZONE).flatMap(Stamp::zone));
  }

  /** What a write of ours put on the event: write answers carry no extended properties. */
  static Stamp written(String ownerTag, ZoneId zone) {
    return new Stamp(Optional.of(ownerTag), Optional.of(zone));
  }

  /** The properties to send; new models on every call, as the SDK sends a model's fields only once. */
  List<SingleValueLegacyExtendedProperty> properties() {
    return List.of(property(OWNER_TAG, ownerTag.orElseThrow()), property(ZONE, zone.orElseThrow().getId()));
  }

  private static SingleValueLegacyExtendedProperty property(String id, String value) {
    SingleValueLegacyExtendedProperty property = new SingleValueLegacyExtendedProperty();
    property.setId(id);
    property.setValue(value);
    return property;
  }

  private static Optional<String> value(Event event, String id) {
    if (event.getSingleValueExtendedProperties() == null) {
      return Optional.empty();
    }
    return event.getSingleValueExtendedProperties().stream()
        .filter(p -> id.equalsIgnoreCase(p.getId()) && p.getValue() != null)
        .map(SingleValueLegacyExtendedProperty::getValue)
        .findFirst();
  }

  private static Optional<String> value(JsonNode event, String id) {
    for (JsonNode property : event.path("singleValueExtendedProperties")) {
      JsonNode value = property.get("value");
      if (id.equalsIgnoreCase(property.path("id").asText(null)) && value != null && !value.isNull()) {
        return Optional.of(value.asText());
      }
    }
    return Optional.empty();
  }

  private static Optional<ZoneId> zone(String id) {
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
