package io.calendarsync.operator.vendor.google;

import com.google.api.client.googleapis.services.AbstractGoogleClientRequest;
import com.google.api.client.http.HttpResponseException;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.VendorException;
import io.calendarsync.operator.vendor.http.TokenRejected;
import io.calendarsync.operator.vendor.http.VendorCalls;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import static io.calendarsync.operator.vendor.VendorException.Kind.UNAVAILABLE;

/** Executes Calendar API requests for one provider: its bearer token, the shared budget and retries, classified errors. */
final class GoogleRequests {

  private final VendorCalls calls;
  private final GoogleErrors errors;
  private final SyncTarget target;

  GoogleRequests(VendorCalls calls, GoogleErrors errors, SyncTarget target) {
    this.calls = calls;
    this.errors = errors;
    this.target = target;
  }

  /** For requests whose success has a body (all but delete). */
  <T> T execute(AbstractGoogleClientRequest<T> request, GoogleErrors.Addressed addressed) throws VendorException {
    return executeUnless(request, addressed, Set.of()).orElseThrow(() ->
        new VendorException(UNAVAILABLE, "Google Calendar answered " + request.getRequestMethod() + " without a body"));
  }

  /**
   * Like {@link #execute}, but an answer with one of {@code absentStatuses} (404 / 410 for a missing event, 409 for an
   * id already taken) is an expected outcome, answered as empty, rather than a failure.
   */
  <T> Optional<T> executeUnless(AbstractGoogleClientRequest<T> request, GoogleErrors.Addressed addressed,
      Set<Integer> absentStatuses) throws VendorException {
    return calls.call(target, token -> send(request, addressed, absentStatuses, token));
  }

  private <T> Optional<T> send(AbstractGoogleClientRequest<T> request, GoogleErrors.Addressed addressed,
      Set<Integer> absentStatuses, String token) throws VendorException, TokenRejected {
    request.getRequestHeaders().setAuthorization("Bearer " + token);
    try {
      return Optional.ofNullable(request.execute());
    } catch (HttpResponseException e) {
      if (absentStatuses.contains(e.getStatusCode())) {
        return Optional.empty();
      }
      if (e.getStatusCode() == 401) {
        throw new TokenRejected(GoogleErrors.describe(e));
      }
      throw errors.classify(e, addressed);
    } catch (IOException e) {
      throw errors.unreachable(e);
    }
  }

  /** Builds a request: the generated client declares IOException there but does no I/O, so one is a bug. */
  static <R> R build(RequestBuilder<R> builder) {
    try {
      return builder.build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot build a Calendar API request", e);
    }
  }

  @FunctionalInterface
  interface RequestBuilder<R> {
    R build() throws IOException;
  }
}
