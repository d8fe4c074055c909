package io.calendarsync.operator.vendor.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;

/**
 * Sends a request the SDK describes and reads its answer as a JSON tree, for listings read without SDK models;
 * errors surface as the SDK's (ODataError), so {@link GraphRequests} classifies them as it does any other.
 */
final class GraphJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private GraphJson() {}

  static JsonNode get(RequestAdapter adapter, RequestInformation request) {
    HashMap<String, ParsableFactory<? extends Parsable>> errors = new HashMap<>();
    errors.put("XXX", ODataError::createFromDiscriminatorValue);
    try (InputStream body = adapter.sendPrimitive(request, errors, InputStream.class)) {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable answer from Microsoft Graph", e);
    }
  }
}
