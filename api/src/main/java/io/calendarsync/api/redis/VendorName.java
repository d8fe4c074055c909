package io.calendarsync.api.redis;

import io.calendarsync.api.v1alpha1.Vendor;

import java.util.Optional;

/** A vendor as spelled in Redis keys and fields and in the receiver's paths ({@code /webhooks/google}). */
public enum VendorName implements WireName {
  GOOGLE("google"),
  MICROSOFT("microsoft");

  private final String wireName;

  VendorName(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static Optional<VendorName> fromWireName(String wireName) {
    return WireName.parse(VendorName.class, wireName);
  }

  public static VendorName of(Vendor vendor) {
    return switch (vendor) {
      case Google -> GOOGLE;
      case Microsoft -> MICROSOFT;
    };
  }
}
