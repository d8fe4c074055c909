package io.calendarsync.operator.config;

import io.calendarsync.operator.store.StoreConnectionSettings;

/**
 * What the sync engine connects to.
 *
 * @param vendorRequestsPerSecond the request budget per vendor, shared by all its providers (bursts up to twice that)
 */
public record EngineSettings(StoreConnectionSettings store, String redisUri, VendorEndpoints endpoints,
    double vendorRequestsPerSecond) {

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
  }

  @Override
  public String toString() {
    return "EngineSettings[store=" + store + ", endpoints=" + endpoints + "]";
  }
}
