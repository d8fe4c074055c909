package io.calendarsync.operator.push;

import com.zaxxer.hikari.HikariDataSource;
import io.calendarsync.api.redis.ChannelRegistration;
import io.calendarsync.api.redis.ChannelRegistrationCodec;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.embedded.EmbeddedPostgresServer;
import io.calendarsync.operator.store.ProviderKey;
import io.calendarsync.operator.store.PushChannelRecord;
import io.calendarsync.operator.store.Store;
import io.calendarsync.operator.store.StoreConnectionSettings;
import io.calendarsync.operator.store.StoreDataSource;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Registrations nobody owns any more are removed; those of live providers stay. */
class RegistrySweepTest {

  private static PushFixture fixture;
  private static HikariDataSource dataSource;
  private static RedisClient redis;

  @BeforeAll
  static void start() throws Exception {
    fixture = new PushFixture();
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
    dataSource = StoreDataSource.create(new StoreConnectionSettings(fixture.jdbcUrl, postgres.user(),
        postgres.password()), 2);
    redis = RedisClient.create(fixture.redis.uri());
  }

  @AfterAll
  static void stop() throws Exception {
    redis.shutdown();
    dataSource.close();
    fixture.close();
  }

  @Test
  void registrationsOfUnknownChannelsAndOfDeletedProvidersAreRemoved() {
    CalendarProvider live = fixture.livePushProvider(Vendor.Google);
    String liveChannel = fixture.googleChannels(live).get(0);
    Instant expiry = Instant.now().plus(Duration.ofDays(3));
    // Registered, but never recorded: a crash between the two.
    ChannelRegistration unrecorded = ChannelRegistration.withToken(VendorName.MICROSOFT, "unrecorded",
        PushFixture.key(live), "some-client-state", null, expiry);
    fixture.redis().hset(unrecorded.key(), ChannelRegistrationCodec.encode(unrecorded));
    // Recorded and registered for a provider that is gone (its cleanup was abandoned).
    Store store = new Store(dataSource);
    recordedAndRegistered(store, new ProviderKey("gone", "provider"), "orphan", expiry);

    try (ChannelRegistry registry = new ChannelRegistry(redis, Duration.ofSeconds(2))) {
      int removed = new RegistrySweep(registry, store.pushChannels(),
          new ExistingProviders(fixture.kubernetes.client(), Set.of()), Duration.ofHours(1)).sweep();

      assertThat(removed).isEqualTo(2);
    }
    assertThat(fixture.registration(VendorName.MICROSOFT, "unrecorded")).isEmpty();
    assertThat(fixture.registration(VendorName.MICROSOFT, "orphan")).isEmpty();
    assertThat(store.pushChannels().find(VendorName.MICROSOFT, "orphan")).isEmpty();
    assertThat(fixture.registration(VendorName.GOOGLE, liveChannel)).isPresent();
  }

  @Test
  void anOperatorWatchingSomeNamespacesLeavesOtherNamespacesRegistrationsAlone() {
    CalendarProvider live = fixture.livePushProvider(Vendor.Google);
    String watched = live.getMetadata().getNamespace();
    Instant expiry = Instant.now().plus(Duration.ofDays(3));
    Store store = new Store(dataSource);
    PushChannelRecord goneHere = recordedAndRegistered(store, new ProviderKey(watched, "deleted"), "gone-here", expiry);
    PushChannelRecord elsewhere = recordedAndRegistered(store, new ProviderKey("other-team", "someone"), "elsewhere",
        expiry);

    try (ChannelRegistry registry = new ChannelRegistry(redis, Duration.ofSeconds(2))) {
      new RegistrySweep(registry, store.pushChannels(),
          new ExistingProviders(fixture.kubernetes.client(), Set.of(watched)), Duration.ofHours(1)).sweep();
    }
    assertThat(fixture.registration(VendorName.MICROSOFT, goneHere.channelId())).isEmpty();
    assertThat(fixture.registration(VendorName.MICROSOFT, elsewhere.channelId()))
        .as("a provider of a namespace this operator does not watch may exist").isPresent();
  }

  private static PushChannelRecord recordedAndRegistered(Store store, ProviderKey provider, String channelId,
      Instant expiry) {
    ChannelRegistration registration = ChannelRegistration.withToken(VendorName.MICROSOFT, channelId,
        provider.namespace() + "/" + provider.name(), "client-state-" + channelId, null, expiry);
    PushChannelRecord record = new PushChannelRecord(provider, VendorName.MICROSOFT, channelId, null,
        registration.tokenDigest(), expiry, false, null);
    store.pushChannels().saveCurrent(record);
    fixture.redis().hset(record.registration().key(), ChannelRegistrationCodec.encode(record.registration()));
    return record;
  }
}
