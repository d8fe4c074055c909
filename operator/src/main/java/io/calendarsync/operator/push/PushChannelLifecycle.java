package io.calendarsync.operator.push;

import io.calendarsync.api.crypto.TokenDigest;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.api.v1alpha1.PushSpec;
import io.calendarsync.operator.metrics.PushMetrics;
import io.calendarsync.operator.store.ProviderKey;
import io.calendarsync.operator.store.PushChannelRecord;
import io.calendarsync.operator.store.PushChannelRecord.PendingAction;
import io.calendarsync.operator.store.PushChannelStore;
import io.calendarsync.operator.sync.PushChannelKeeper;
import io.calendarsync.operator.sync.PushState;
import io.calendarsync.operator.sync.SyncFailure;
import io.calendarsync.operator.sync.SyncFailureReason;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.PushChannels;
import io.calendarsync.operator.vendor.PushChannels.PushChannel;
import io.calendarsync.operator.vendor.VendorException;
import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The push-channel lifecycle of every provider, run inside its sync: open a channel when push is on, record it
 * (PostgreSQL, digest only) and register it (Redis), renew it ahead of expiry, re-register it when Redis lost it, carry
 * out what Graph's lifecycle notifications asked for, and stop it when push is turned off or the provider released.
 *
 * <p>Renewal is vendor-neutral: a vendor that extends in place (Graph) is extended; otherwise (Google) a new channel
 * is opened and registered before the old one is stopped and unregistered, so no notification is refused in between.
 */
public final class PushChannelLifecycle implements PushChannelKeeper {

  private static final Logger LOG = LoggerFactory.getLogger(PushChannelLifecycle.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<VendorName, PushChannels> vendors;
  private final PushChannelStore store;
  private final ChannelRegistry registry;
  private final boolean receiverConfigured;
  private final Duration renewalLead;
  private final PushMetrics metrics;
  private final Clock clock;

  /**
   * @param receiverConfigured whether the operator has a public receiver URL (the adapters were built with it)
   * @param renewalLead how long before its expiry a channel is renewed
   */
  PushChannelLifecycle(Map<VendorName, PushChannels> vendors, PushChannelStore store, ChannelRegistry registry,
      boolean receiverConfigured, Duration renewalLead, PushMetrics metrics, Clock clock) {
    this.vendors = Map.copyOf(vendors);
    this.store = store;
    this.registry = registry;
    this.receiverConfigured = receiverConfigured;
    this.renewalLead = renewalLead;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public PushState keep(SyncTarget target) {
    ProviderKey provider = new ProviderKey(target.namespace(), target.name());
    VendorName vendor = VendorName.of(target.spec().getVendor());
    List<PushChannelRecord> channels = store.findByProvider(provider);
    if (!receiverConfigured || !pushEnabled(target)) {
      stopQuietly(target, channels);
      return receiverConfigured
          ? PushState.inactive(PushState.PUSH_DISABLED, "Push is turned off (spec.push.enabled: false); "
              + "changes arrive with each sync")
          : PushState.inactive(PushState.RECEIVER_NOT_CONFIGURED, "The operator has no public receiver URL "
              + "(--receiver-public-url); changes arrive with each sync");
    }
    try {
      Optional<PushChannelRecord> current = channels.stream().filter(c -> !c.retiring()).findFirst();
      // A vendor changed in the spec leaves a channel at the old vendor: it is retired like a replaced one.
      stopQuietly(target, channels.stream().filter(c -> c.retiring() || c.vendor() != vendor).toList());
      current = current.filter(c -> c.vendor() == vendor);
      PushChannelRecord live = current.isEmpty() || !clock.instant().isBefore(current.get().expiresAt())
          || current.get().pendingAction() == PendingAction.RECREATE
          ? replace(target, vendor, current, current.isEmpty() ? "Created" : "Recreated")
          : renewIfDue(target, current.get());
      return PushState.active(live.expiresAt(), renewAt(live));
    } catch (RedisException e) {
      LOG.info("push channel of {} not kept: Redis unavailable: {}", provider, e.getMessage());
      return PushState.inactive(PushState.QUEUE_UNAVAILABLE, "Redis (the notification queue) is unreachable: "
          + "changes arrive with each sync until it is back");
    } catch (VendorException e) {
      LOG.info("push channel of {} not kept: {}", provider, e.getMessage());
      return PushState.inactive(PushState.CHANNEL_FAILED, "The vendor refused the push channel: " + e.getMessage()
          + "; retried with the next sync");
    }
  }

  private PushChannelRecord renewIfDue(SyncTarget target, PushChannelRecord channel)
      throws VendorException {
    if (channel.pendingAction() != PendingAction.RENEW && clock.instant().isBefore(renewAt(channel))) {
      if (!registry.isRegistered(channel.registration())) {
        // Redis restarted without persistence: without its entry the receiver would refuse every notification.
        registry.register(channel.registration());
      }
      return channel;
    }
    PushChannels channels = vendors.get(channel.vendor());
    Optional<Instant> extended;
    try {
      extended = channels.extend(target, pushChannel(channel), requestedExpiry(channels));
    } catch (VendorException e) {
      if (e.kind() != VendorException.Kind.NOT_FOUND) {
        metrics.renewal(channel.vendor(), "Failed");
        throw e;
      }
      // The vendor dropped it: a new channel, and this very sync reads what was missed.
      return replace(target, channel.vendor(), Optional.of(channel), "Recreated");
    }
    if (extended.isEmpty()) {
      return replace(target, channel.vendor(), Optional.of(channel), "Replaced");
    }
    PushChannelRecord renewed = new PushChannelRecord(channel.provider(), channel.vendor(), channel.channelId(),
        channel.resourceId(), channel.tokenDigest(), extended.get(), false, null);
    registry.register(renewed.registration());
    store.extended(channel.vendor(), channel.channelId(), extended.get());
    metrics.renewal(channel.vendor(), "Extended");
    return renewed;
  }

  /**
   * Opens a new channel and makes it the provider's current one, then stops {@code previous}. The new channel is
   * recorded and registered before the old one is stopped and unregistered, so a notification from either is accepted
   * throughout. Redis is checked first: without it no channel is opened at all.
   */
  private PushChannelRecord replace(SyncTarget target, VendorName vendor, Optional<PushChannelRecord> previous,
      String result) throws VendorException {
    registry.ping();
    PushChannels channels = vendors.get(vendor);
    String token = newToken();
    PushChannel opened;
    try {
      opened = channels.open(target, token, requestedExpiry(channels));
    } catch (VendorException e) {
      metrics.renewal(vendor, "Failed");
      throw e;
    }
    PushChannelRecord channel = new PushChannelRecord(new ProviderKey(target.namespace(), target.name()), vendor,
        opened.id(), opened.resourceId(), TokenDigest.of(token), opened.expiresAt(), false, null);
    // Recorded before registered: the sweep removes registrations without a record, never the reverse.
    store.saveCurrent(channel);
    registry.register(channel.registration());
    metrics.renewal(vendor, result);
    previous.ifPresent(old -> stopQuietly(target, List.of(old)));
    return channel;
  }

  /** Stops channels at the vendor and forgets them; one that cannot be stopped now stays recorded for the next try. */
  private void stopQuietly(SyncTarget target, List<PushChannelRecord> channels) {
    for (PushChannelRecord channel : channels) {
      try {
        stop(target, channel);
      } catch (VendorException | RedisException e) {
        LOG.info("could not stop push channel {} of {} yet: {}", channel.channelId(), channel.provider(),
            e.getMessage());
      }
    }
  }

  private void stop(SyncTarget target, PushChannelRecord channel) throws VendorException {
    // An expired channel delivers nothing more, and without credentials it cannot be stopped: forgetting is enough.
    if (target.credentials() != null && clock.instant().isBefore(channel.expiresAt())) {
      vendors.get(channel.vendor()).stop(target, pushChannel(channel));
    }
    registry.unregister(channel.registration().key());
    store.delete(channel.vendor(), channel.channelId());
  }

  @Override
  public void release(SyncTarget target) throws SyncFailure {
    ProviderKey provider = new ProviderKey(target.namespace(), target.name());
    for (PushChannelRecord channel : store.findByProvider(provider)) {
      try {
        stop(target, channel);
      } catch (VendorException e) {
        throw new SyncFailure(SyncFailureReason.VendorUnavailable, "could not stop push channel: " + e.getMessage(),
            e.retryAfter().orElse(null), e);
      } catch (RedisException e) {
        throw new SyncFailure(SyncFailureReason.VendorUnavailable,
            "could not unregister push channel: Redis unavailable: " + e.getMessage(), null, e);
      }
    }
  }

  /** At most half a channel's lifetime ahead, so a lead longer than a vendor's lifetime cannot renew on every sync. */
  private Instant renewAt(PushChannelRecord channel) {
    Duration halfLife = vendors.get(channel.vendor()).maxLifetime().dividedBy(2);
    return channel.expiresAt().minus(renewalLead.compareTo(halfLife) < 0 ? renewalLead : halfLife);
  }

  private Instant requestedExpiry(PushChannels channels) {
    return clock.instant().plus(channels.maxLifetime());
  }

  private static PushChannel pushChannel(PushChannelRecord channel) {
    return new PushChannel(channel.channelId(), channel.resourceId(), channel.expiresAt());
  }

  private static boolean pushEnabled(SyncTarget target) {
    PushSpec push = target.spec().getPush();
    return push == null || !Boolean.FALSE.equals(push.getEnabled());
  }

  /** 256 random bits: the secret the vendor echoes with each notification (Graph allows 128 characters). */
  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
