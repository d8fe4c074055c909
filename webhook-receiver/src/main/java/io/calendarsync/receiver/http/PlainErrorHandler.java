package io.calendarsync.receiver.http;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (unknown path, malformed request) as one plain line, instead of Jetty's HTML page: nothing of
 * the request is repeated back, and nothing reveals the server.
 */
public final class PlainErrorHandler extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    Reply.text(status, status + " " + HttpStatus.getMessage(status)).send(response, callback);
    return true;
  }
}
