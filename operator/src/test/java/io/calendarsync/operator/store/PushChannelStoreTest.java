package io.calendarsync.operator.store;

import io.calendarsync.api.crypto.TokenDigest;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.operator.store.PushChannelRecord.PendingAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PushChannelStoreTest {

  private static final Instant EXPIRY = Instant.parse("2026-03-09T08:00:00Z");
  private static TestDatabase database;
  private static PushChannelStore channels;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.migrated();
    channels = database.store().pushChannels();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static PushChannelRecord channel(ProviderKey provider, String id) {
    return new PushChannelRecord(provider, VendorName.GOOGLE, id, "resource-" + id, TokenDigest.of("token-" + id),
        EXPIRY, false, null);
  }

  @Test
  void aNewChannelRetiresTheOneItReplacesUntilThatOneIsForgotten() {
    ProviderKey provider = new ProviderKey("acme", "replaced");
    channels.saveCurrent(channel(provider, "first"));
    channels.saveCurrent(channel(provider, "second"));

    assertThat(channels.findByProvider(provider)).extracting(PushChannelRecord::channelId, PushChannelRecord::retiring)
        .containsExactly(tuple("second", false), tuple("first", true));
    // A lifecycle note for a retiring channel is pointless: the replacement is what counts.
    assertThat(channels.requestAction(VendorName.GOOGLE, "first", PendingAction.RECREATE)).isFalse();

    channels.delete(VendorName.GOOGLE, "first");
    assertThat(channels.findByProvider(provider)).extracting(PushChannelRecord::channelId).containsExactly("second");
  }

  @Test
  void aLifecycleNoteStaysUntilTheChannelIsRenewed() {
    ProviderKey provider = new ProviderKey("acme", "noted");
    channels.saveCurrent(new PushChannelRecord(provider, VendorName.MICROSOFT, "subscription", null,
        TokenDigest.of("client-state"), EXPIRY, false, null));

    assertThat(channels.requestAction(VendorName.MICROSOFT, "subscription", PendingAction.RENEW)).isTrue();
    assertThat(channels.find(VendorName.MICROSOFT, "subscription").orElseThrow().pendingAction())
        .isEqualTo(PendingAction.RENEW);

    Instant renewed = EXPIRY.plusSeconds(86_400);
    channels.extended(VendorName.MICROSOFT, "subscription", renewed);
    PushChannelRecord after = channels.find(VendorName.MICROSOFT, "subscription").orElseThrow();
    assertThat(after.pendingAction()).isNull();
    assertThat(after.expiresAt()).isEqualTo(renewed);
    assertThat(channels.countCurrentExpiringBefore(renewed.plusSeconds(1))).isPositive();
  }

  @Test
  void onlyADigestCanBeStoredNeverATokenItself() {
    ProviderKey provider = new ProviderKey("acme", "leaky");
    PushChannelRecord leaky = new PushChannelRecord(provider, VendorName.GOOGLE, "leaky", "resource",
        "the-token-itself", EXPIRY, false, null);

    assertThatThrownBy(() -> channels.saveCurrent(leaky)).isInstanceOf(StoreException.class);
    assertThat(channels.findByProvider(provider)).isEmpty();
  }
}
