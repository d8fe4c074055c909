package io.calendarsync.operator.config;

import io.calendarsync.operator.store.StoreConnectionSettings;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What the sync engine connects to.
 *
 * @param vendorRequestsPerSecond the request budget per vendor, shared by all its providers (bursts up to twice that)
 * @param receiverPublicUrl the webhook receiver's public HTTPS base URL: push channels and consent redirects point
 *     there; without it providers are polled every syncInterval and no consent URL is offered
 * @param pushRenewalLead how long before its expiry a push channel is renewed
 */
public record EngineSettings(StoreConnectionSettings store, String redisUri, VendorEndpoints endpoints,
    double vendorRequestsPerSecond, Optional<URI> receiverPublicUrl, Duration pushRenewalLead) {

  public static final Duration DEFAULT_PUSH_RENEWAL_LEAD = Duration.ofHours(24);

  /** Settings with the default push renewal lead time. */
  public EngineSettings(StoreConnectionSettings store, String redisUri, VendorEndpoints endpoints,
      double vendorRequestsPerSecond, Optional<URI> receiverPublicUrl) {
    this(store, redisUri, endpoints, vendorRequestsPerSecond, receiverPublicUrl, DEFAULT_PUSH_RENEWAL_LEAD);
  }

  public EngineSettings {
    if (store == null || store.jdbcUrl() == null || store.jdbcUrl().isBlank()) {
      throw new IllegalArgumentException("the schedule database is required: set CALENDAR_SYNC_DATABASE_URL");
    }
    if (redisUri == null || redisUri.isBlank()) {
      throw new IllegalArgumentException("Redis is required: set CALENDAR_SYNC_REDIS_URI");
    }
    if (vendorRequestsPerSecond <= 0) {
      throw new IllegalArgumentException("the vendor request budget must be positive");
    }
    if (pushRenewalLead == null || pushRenewalLead.isNegative() || pushRenewalLead.isZero()) {
      throw new IllegalArgumentException("the push renewal lead time must be positive");
    }
    receiverPublicUrl.ifPresent(url -> {
      if (!url.isAbsolute() || url.getHost() == null) {
        throw new IllegalArgumentException("the receiver public URL must be absolute, such as https://calsync.example.com: "
            + url);
      }
    });
  }

  @Override
  public String toString() {
    return "EngineSettings[store=" + store + ", endpoints=" + endpoints + ", receiverPublicUrl="
        + receiverPublicUrl.map(URI::toString).orElse("none") + ", pushRenewalLead=" + pushRenewalLead + "]";
  }
}
