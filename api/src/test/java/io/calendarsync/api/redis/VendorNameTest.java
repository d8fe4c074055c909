package io.calendarsync.api.redis;

import io.calendarsync.api.v1alpha1.Vendor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VendorNameTest {

  @Test
  void everyProviderVendorHasItsLowerCaseWireName() {
    assertThat(VendorName.of(Vendor.Google).wireName()).isEqualTo("google");
    assertThat(VendorName.of(Vendor.Microsoft).wireName()).isEqualTo("microsoft");
    assertThat(VendorName.fromWireName("microsoft")).contains(VendorName.MICROSOFT);
    assertThat(VendorName.fromWireName("Microsoft")).isEmpty();
  }
}
