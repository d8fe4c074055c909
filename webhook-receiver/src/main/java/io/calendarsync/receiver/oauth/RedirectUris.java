package io.calendarsync.receiver.oauth;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;

import java.net.URI;

/**
 * The redirect URI a code was delivered to, which the operator must repeat when it exchanges the code: the configured
 * public URL plus the callback path, or, without one, the request's own URL as the Ingress forwarded it.
 */
final class RedirectUris {

  private final String publicBase;

  /** @param publicUrl the receiver's public base URL, or {@code null} */
  RedirectUris(URI publicUrl) {
    this.publicBase = publicUrl == null ? null : publicUrl.toString().replaceAll("/+$", "");
  }

  String of(Request request) {
    HttpURI uri = request.getHttpURI();
    return (publicBase != null ? publicBase : uri.getScheme() + "://" + uri.getAuthority()) + uri.getPath();
  }
}
