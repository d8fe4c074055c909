package io.calendarsync.operator.config;

import java.net.URI;

/**
 * Where the vendors' APIs live. The defaults are the real services; tests and the playground point them at the
 * project's emulators.
 *
 * @param googleApi root URL of Google's APIs (the Calendar client appends {@code calendar/v3/})
 * @param googleToken Google's OAuth token endpoint
 * @param googleAuthorize Google's consent page
 * @param graphApi Microsoft Graph v1.0 root
 * @param microsoftLogin the Microsoft identity platform root ({@code /{tenant}/oauth2/v2.0/...} is appended)
 */
public record VendorEndpoints(URI googleApi, URI googleToken, URI googleAuthorize, URI graphApi, URI microsoftLogin) {

  public static VendorEndpoints production() {
    return new VendorEndpoints(URI.create("https://www.googleapis.com/"), URI.create("https://oauth2.googleapis.com/token"),
        URI.create("https://accounts.google.com/o/oauth2/v2/auth"), URI.create("https://graph.microsoft.com/v1.0"),
        URI.create("https://login.microsoftonline.com"));
  }

  /** Every endpoint on one emulator host (the project's emulators serve the vendors' paths). */
  public static VendorEndpoints emulated(String googleBase, String microsoftBase) {
    String google = googleBase.replaceAll("/$", "");
    String microsoft = microsoftBase.replaceAll("/$", "");
    return new VendorEndpoints(URI.create(google + "/"), URI.create(google + "/token"),
        URI.create(google + "/o/oauth2/v2/auth"), URI.create(microsoft + "/v1.0"), URI.create(microsoft));
  }

  public URI microsoftToken(String tenantId) {
    return URI.create(microsoftLogin.toString().replaceAll("/$", "") + "/" + tenantId + "/oauth2/v2.0/token");
  }

  /** The consent page of the tenant's Microsoft identity platform. */
  public URI microsoftAuthorize(String tenantId) {
    return URI.create(microsoftLogin.toString().replaceAll("/$", "") + "/" + tenantId + "/oauth2/v2.0/authorize");
  }
}
