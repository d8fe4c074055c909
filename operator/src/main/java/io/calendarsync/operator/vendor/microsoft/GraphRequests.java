package io.calendarsync.operator.vendor.microsoft;

import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.BaseRequestConfiguration;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.VendorException;
import io.calendarsync.operator.vendor.http.TokenRejected;
import io.calendarsync.operator.vendor.http.VendorCalls;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends Graph SDK requests for one provider: each attempt carries the provider's current bearer token and our
 * preferences, goes through the shared budget and retries of {@link VendorCalls}, and fails classified.
 */
final class GraphRequests {

  /** One attempt at a request; {@code common} puts the token and preferences on the SDK's request configuration. */
  @FunctionalInterface
  interface GraphCall<T> {
    T send(Consumer<BaseRequestConfiguration> common) throws VendorException;
  }

  private final VendorCalls calls;
  private final GraphErrors errors;
  private final SyncTarget target;
  private final int pageSize;

  GraphRequests(VendorCalls calls, GraphErrors errors, SyncTarget target, int pageSize) {
    this.calls = calls;
    this.errors = errors;
    this.target = target;
    this.pageSize = pageSize;
  }

  <T> T execute(GraphErrors.Addressed addressed, GraphCall<T> call) throws VendorException {
    return calls.call(target, token -> send(call, addressed, token, false)).orElseThrow(() ->
        new VendorException(VendorException.Kind.UNAVAILABLE, "Microsoft Graph answered without a body"));
  }

  /** Like {@link #execute}, but a 404 is an expected answer (the event is gone), given as empty. */
  <T> Optional<T> executeUnlessMissing(GraphErrors.Addressed addressed, GraphCall<T> call) throws VendorException {
    return calls.call(target, token -> send(call, addressed, token, true));
  }

  private <T> Optional<T> send(GraphCall<T> call, GraphErrors.Addressed addressed, String token, boolean missingIsEmpty)
      throws VendorException, TokenRejected {
    try {
      return Optional.ofNullable(call.send(config -> prepare(config, token)));
    } catch (ApiException e) {
      int status = e.getResponseStatusCode();
      if (status == 404 && missingIsEmpty) {
        return Optional.empty();
      }
      if (status == 401) {
        throw new TokenRejected(GraphErrors.describe(e));
      }
      if (status == 0) {
        throw errors.unreachable(e);
      }
      throw errors.classify(e, addressed);
    } catch (RuntimeException e) {
      throw errors.unreachable(e);
    }
  }

  /**
   * Times in UTC (each event's own zone is read from its fields), bodies as text (Graph stores Outlook's HTML
   * otherwise), and our page size for collections and delta rounds.
   */
  private void prepare(BaseRequestConfiguration config, String token) {
    config.headers.add("Authorization", "Bearer " + token);
    config.headers.add("Prefer", "outlook.timezone=\"UTC\"");
    config.headers.add("Prefer", "outlook.body-content-type=\"text\"");
    config.headers.add("Prefer", "odata.maxpagesize=" + pageSize);
  }
}
