package io.calendarsync.operator.oauth;

import io.calendarsync.operator.vendor.VendorException;

/** How one token refresh ended, as counted in metrics ({@code result} label). */
public enum RefreshResult {
  SUCCESS("success"),
  REVOKED("revoked"),
  INVALID_CLIENT("invalid_client"),
  /** The token endpoint failed or throttled, or the rotated token could not be saved. */
  UNAVAILABLE("unavailable");

  private final String label;

  RefreshResult(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static RefreshResult of(VendorException failure) {
    return switch (failure.kind()) {
      case AUTHORIZATION_REVOKED -> REVOKED;
      case INVALID_CLIENT -> INVALID_CLIENT;
      default -> UNAVAILABLE;
    };
  }
}
