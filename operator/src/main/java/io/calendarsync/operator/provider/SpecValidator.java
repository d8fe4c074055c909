package io.calendarsync.operator.provider;

import io.calendarsync.api.v1alpha1.CalendarProviderSpec;
import io.calendarsync.api.v1alpha1.Durations;
import io.calendarsync.api.v1alpha1.SyncWindow;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.operator.status.Reason;

import java.time.Duration;
import java.util.Optional;

/**
 * Checks the rules the CRD schema states, again, for clusters that did not enforce them (CEL needs Kubernetes 1.25+,
 * and a CRD may have been installed without the schema). A provider that slipped through gets a clear InvalidSpec
 * condition instead of failing somewhere deep in a sync.
 */
final class SpecValidator {

  private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
  private static final Duration MAX_INTERVAL = Duration.ofHours(24);

  Optional<Problem> check(CalendarProviderSpec spec) {
    if (spec == null) {
      return invalid("spec is missing");
    }
    if (spec.getVendor() == null) {
      return invalid("spec.vendor is required: Google or Microsoft");
    }
    if (isBlank(spec.getCalendarId())) {
      return invalid("spec.calendarId is required");
    }
    if (spec.getVendor() == Vendor.Microsoft && "primary".equals(spec.getCalendarId())) {
      return invalid("calendarId 'primary' is Google's name for the default calendar; use 'calendar' for the default Outlook calendar");
    }
    if (spec.getVendor() == Vendor.Google && "calendar".equals(spec.getCalendarId())) {
      return invalid("calendarId 'calendar' is Outlook's name for the default calendar; use 'primary' for the default Google calendar");
    }
    if (spec.getCredentialsSecretRef() == null || isBlank(spec.getCredentialsSecretRef().getName())) {
      return invalid("spec.credentialsSecretRef.name is required");
    }
    if (isBlank(spec.getTenant())) {
      return invalid("spec.tenant is required");
    }
    if (isBlank(spec.getUserId())) {
      return invalid("spec.userId is required");
    }
    return checkInterval(spec.getSyncInterval()).or(() -> checkWindow(spec.getSyncWindow()));
  }

  private Optional<Problem> checkInterval(String value) {
    Duration interval;
    try {
      interval = Durations.parse(value);
    } catch (IllegalArgumentException e) {
      return invalid("spec.syncInterval: " + e.getMessage());
    }
    if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
      return invalid("spec.syncInterval must be between 1m and 24h, got " + value);
    }
    return Optional.empty();
  }

  private Optional<Problem> checkWindow(SyncWindow window) {
    if (window == null) {
      return Optional.empty();
    }
    try {
      Durations.parse(window.getPast());
      Durations.parse(window.getFuture());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return invalid("spec.syncWindow: " + e.getMessage());
    }
  }

  private static Optional<Problem> invalid(String message) {
    return Optional.of(new Problem(Reason.INVALID_SPEC, message));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
