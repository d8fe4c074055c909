package io.calendarsync.playground;

import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.calendar.CalendarAdmin;
import io.calendarsync.emulators.google.GoogleCalendarEmulator;
import io.calendarsync.emulators.microsoft.GraphEmulator;
import io.calendarsync.emulators.oauth.OAuthAuthority;

/**
 * Sets up in the vendor emulators what a provider's credentials refer to: the tenant's OAuth client, the user's
 * mailbox and the user's consent. The examples start connected, so their consent is given without a browser (the
 * refresh token is what a person would obtain by consenting); the user also becomes the one the emulator's consent
 * page signs in, so a consent link the operator offers later (after a revoked grant) works from a plain browser.
 */
final class VendorAccounts {

  /** Users of the examples are named by their platform id; their mailboxes live here. */
  private static final String USER_DOMAIN = "example.com";

  private static final String GOOGLE_SCOPE = "https://www.googleapis.com/auth/calendar";
  private static final String MICROSOFT_SCOPE = "offline_access https://graph.microsoft.com/Calendars.ReadWrite";

  private final GoogleCalendarEmulator google;
  private final GraphEmulator microsoft;

  VendorAccounts(GoogleCalendarEmulator google, GraphEmulator microsoft) {
    this.google = google;
    this.microsoft = microsoft;
  }

  private static String email(String userId) {
    return userId + "@" + USER_DOMAIN;
  }

  /** Registers the client, creates the user's mailbox (both idempotent) and returns the grant's refresh token. */
  String grant(Vendor vendor, String userId, String clientId, String clientSecret) {
    CalendarAdmin calendars = vendor == Vendor.Google ? google.calendars() : microsoft.calendars();
    OAuthAuthority oauth = vendor == Vendor.Google ? google.oauth() : microsoft.oauth();
    String scope = vendor == Vendor.Google ? GOOGLE_SCOPE : MICROSOFT_SCOPE;
    oauth.registerClient(clientId, clientSecret);
    calendars.createUser(email(userId), Character.toUpperCase(userId.charAt(0)) + userId.substring(1));
    oauth.setDefaultUser(email(userId));
    return oauth.issueGrant(clientId, email(userId), scope);
  }
}
