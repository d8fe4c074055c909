package io.calendarsync.operator.consent;

import io.calendarsync.api.crypto.EncryptionKey;
import io.calendarsync.api.redis.ConsentState;
import io.calendarsync.api.redis.RedisKeys;
import io.calendarsync.api.v1alpha1.CalendarProviderSpec;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.embedded.EmbeddedRedisServer;
import io.calendarsync.operator.config.VendorEndpoints;
import io.calendarsync.operator.sync.ConsentOffer;
import io.calendarsync.operator.sync.ProviderCredentials;
import io.calendarsync.operator.sync.SyncTarget;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consent links against a real Redis: the state verifies with the receiver's check, its nonce is stored for the
 * provider before the link exists, and without a receiver URL or with Redis down there is no link but a reason.
 */
class ConsentLinksTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private final MutableClock clock = MutableClock.fixed(NOW);
  private final EncryptionKey key = EncryptionKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
  private final VendorEndpoints endpoints = VendorEndpoints.production();
  private EmbeddedRedisServer redis;
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;

  @BeforeEach
  void start() {
    redis = EmbeddedRedisServer.start();
    client = RedisClient.create(redis.uri());
    connection = client.connect();
  }

  @AfterEach
  void stop() {
    connection.close();
    client.shutdown();
    redis.close();
  }

  @Test
  void aLinkCarriesAStateTheReceiverAcceptsWhoseNonceIsStoredForTheProvider() {
    ConsentLinks links = links(Optional.of(URI.create("https://calsync.example.com/")));

    ConsentOffer offer = links.offer(target(Vendor.Google));

    assertThat(offer.url()).hasValueSatisfying(url -> assertThat(url)
        .startsWith("https://accounts.google.com/o/oauth2/v2/auth?client_id=client-123&response_type=code")
        .contains("redirect_uri=https%3A%2F%2Fcalsync.example.com%2Foauth%2Fcallback%2Fgoogle")
        .contains("access_type=offline", "prompt=consent"));
    String state = offer.url().orElseThrow().replaceAll(".*[?&]state=([^&]+).*", "$1");
    ConsentState.Claims claims = new ConsentState(key, clock).verify(state);
    assertThat(claims.providerKey()).isEqualTo("team-a/alice-google");
    assertThat(offer.expiresAt()).isEqualTo(NOW.plus(RedisKeys.CONSENT_STATE_TTL));
    assertThat(connection.sync().get(claims.nonceKey())).isEqualTo("team-a/alice-google");
    assertThat(connection.sync().ttl(claims.nonceKey())).isBetween(590L, 600L);
  }

  @Test
  void aMicrosoftLinkIsOnTheProvidersTenant() {
    ConsentOffer offer = links(Optional.of(URI.create("https://calsync.example.com"))).offer(target(Vendor.Microsoft));

    assertThat(offer.url()).hasValueSatisfying(url -> assertThat(url)
        .startsWith("https://login.microsoftonline.com/tenant-1/oauth2/v2.0/authorize?client_id=client-123")
        .contains("scope=offline_access%20Calendars.ReadWrite", "response_mode=query",
            "redirect_uri=https%3A%2F%2Fcalsync.example.com%2Foauth%2Fcallback%2Fmicrosoft"));
  }

  @Test
  void withoutTheReceiversPublicUrlThereIsNoLinkAndTheReasonSaysSo() {
    ConsentOffer offer = links(Optional.empty()).offer(target(Vendor.Google));

    assertThat(offer.url()).isEmpty();
    assertThat(offer.retryable()).isFalse();
    assertThat(offer.unavailable()).hasValueSatisfying(why -> assertThat(why)
        .contains("receiver's public URL is not configured", "--receiver-public-url"));
    assertThat(connection.sync().keys("calsync:oauth:state:*")).isEmpty();
  }

  @Test
  void withRedisDownThereIsNoLinkButARetry() {
    ConsentLinks links = links(Optional.of(URI.create("https://calsync.example.com")));
    connection.setTimeout(Duration.ofSeconds(2));
    redis.stop();

    ConsentOffer offer = links.offer(target(Vendor.Google));

    assertThat(offer.url()).isEmpty();
    assertThat(offer.retryable()).isTrue();
    assertThat(offer.unavailable()).hasValueSatisfying(why -> assertThat(why).contains("Redis"));
  }

  private ConsentLinks links(Optional<URI> receiverUrl) {
    return new ConsentLinks(new ConsentState(key, clock), connection.sync(), endpoints, receiverUrl);
  }

  private static SyncTarget target(Vendor vendor) {
    CalendarProviderSpec spec = new CalendarProviderSpec();
    spec.setVendor(vendor);
    String name = vendor == Vendor.Google ? "alice-google" : "alice-outlook";
    return new SyncTarget("team-a", name, spec, new ProviderCredentials("client-123", "s3cr3t", Optional.empty(),
        Optional.of("tenant-1"), "1"));
  }
}
