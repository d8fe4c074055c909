package io.calendarsync.emulators.http;

/** How one vendor shapes error bodies and the headers it puts on every answer. */
public interface ErrorDialect {

    Response render(ApiError error, Request request);

    default Response decorate(Request request, Response response) {
        return response;
    }
}
