package io.calendarsync.operator.engine;

import io.calendarsync.api.v1alpha1.CalendarProviderSpec;
import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.api.v1alpha1.Durations;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.operator.consent.ConsentLinks;
import io.calendarsync.operator.notify.EventStream;
import io.calendarsync.operator.oauth.AccessToken;
import io.calendarsync.operator.oauth.AccessTokens;
import io.calendarsync.operator.store.EntryKey;
import io.calendarsync.operator.store.EventMapping;
import io.calendarsync.operator.store.MappingStatus;
import io.calendarsync.operator.store.ProviderKey;
import io.calendarsync.operator.store.ProviderLock;
import io.calendarsync.operator.store.ProviderSyncState;
import io.calendarsync.operator.store.ScheduleEntry;
import io.calendarsync.operator.store.Store;
import io.calendarsync.operator.store.StoreException;
import io.calendarsync.operator.sync.CalendarSync;
import io.calendarsync.operator.sync.ConsentOffer;
import io.calendarsync.operator.sync.PushChannelKeeper;
import io.calendarsync.operator.sync.PushState;
import io.calendarsync.operator.sync.SyncFailure;
import io.calendarsync.operator.sync.SyncFailureReason;
import io.calendarsync.operator.sync.SyncResult;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.ExternalCalendar;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.calendarsync.operator.vendor.TimeWindow;
import io.calendarsync.operator.vendor.VendorConnector;
import io.calendarsync.operator.vendor.VendorException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The sync engine: one provider at a time (a database lock makes that hold across replicas), calendar changes in
 * first, then platform changes out, in the directions the provider allows.
 */
public final class SyncEngine implements CalendarSync {

  private final Store store;
  private final Map<Vendor, VendorConnector> connectors;
  private final AccessTokens tokens;
  private final ConflictReporter reporter;
  private final EventStream stream;
  private final Clock clock;
  private final PushChannelKeeper push;

  private final Optional<ConsentLinks> consentLinks;

  /** An engine without push channels (every provider is polled) that offers no consent links. */
  public SyncEngine(Store store, Map<Vendor, VendorConnector> connectors, AccessTokens tokens,
      ConflictReporter reporter, EventStream stream, Clock clock) {
    this(store, connectors, tokens, reporter, stream, clock, PushChannelKeeper.none(), Optional.empty());
  }

  /** @param consentLinks offers consent to providers without a usable grant; empty: no links are offered */
  public SyncEngine(Store store, Map<Vendor, VendorConnector> connectors, AccessTokens tokens,
      ConflictReporter reporter, EventStream stream, Clock clock, PushChannelKeeper push,
      Optional<ConsentLinks> consentLinks) {
    this.push = push;
    this.consentLinks = consentLinks;
    this.stream = stream;
    this.store = store;
    this.connectors = Map.copyOf(connectors);
    this.tokens = tokens;
    this.reporter = reporter;
    this.clock = clock;
  }

  @Override
  public SyncResult sync(SyncTarget target) throws SyncFailure {
    SyncResult result;
    try {
      result = syncLocked(target);
    } catch (SyncFailure failure) {
      stream.publish(EventStream.SYNC_FAILED, Map.of("provider", target.key(), "tenant", target.spec().getTenant(),
          "reason", failure.reason().name(), "message", failure.getMessage()));
      throw failure;
    }
    if (result.changedAnything()) {
      var c = result.counts();
      stream.publish(EventStream.SYNC_COMPLETED, Map.of("provider", target.key(), "tenant", target.spec().getTenant(),
          "createdExternal", c.getCreatedExternal().toString(), "updatedExternal", c.getUpdatedExternal().toString(),
          "deletedExternal", c.getDeletedExternal().toString(), "createdInternal", c.getCreatedInternal().toString(),
          "updatedInternal", c.getUpdatedInternal().toString(), "deletedInternal", c.getDeletedInternal().toString(),
          "conflicts", c.getConflicts().toString(), "errors", c.getErrors().toString()));
    }
    return result;
  }

  private SyncResult syncLocked(SyncTarget target) throws SyncFailure {
    return locked(target, run -> {
      ProviderSyncState state = run.lock.inTransaction(tx -> tx.syncState().find(run.provider))
          .orElse(new ProviderSyncState(run.provider, null, null, null, null, null));
      // Before the passes: changes made while a channel was missing or being replaced are then read by this sync.
      PushState pushState = push.keep(target);
      PairWriter writer = new PairWriter(run, reporter);
      boolean inbound = target.spec().getSyncDirection().writesInternal();
      String cursor = inbound ? new InboundPass(run, writer).run(Optional.ofNullable(state.externalSyncToken())) : null;
      if (target.spec().getSyncDirection().writesExternal()) {
        new OutboundPass(run, writer, store).run(Optional.ofNullable(state.watermark()));
      }
      if (inbound && run.counts.getCreatedExternal() > 0) {
        // Move the cursor past the events just created: a vendor need not report an event created and deleted
        // between two of our reads (Graph does not), so a person's deletion of one would otherwise go unseen.
        new InboundPass(run, writer).run(Optional.ofNullable(cursor));
      }
      long open = run.lock.inTransaction(tx -> tx.mappings().countByStatus(run.provider, MappingStatus.CONFLICT));
      Optional<AccessToken> token = tokens.held(target);
      return new SyncResult(run.counts, (int) open,
          pushState, token.map(AccessToken::expiresAt).orElse(null), token.map(AccessToken::obtainedAt).orElse(null),
          earliest(tokens.nextRefresh(target), Optional.ofNullable(pushState.renewAt())));
    });
  }

  /**
   * Applies a person's decision on a conflict: the kept side overwrites the other (both read fresh), and the pair is
   * in sync again. Nothing happens if the pair is no longer in conflict.
   */
  @Override
  public void resolve(SyncTarget target, String entryId, ConflictResolution keep) throws SyncFailure {
    EntryKey entry = new EntryKey(target.spec().getTenant(), entryId);
    locked(target, run -> {
      Optional<EventMapping> mapping = run.lock.inTransaction(tx -> tx.mappings().findByEntry(run.provider, entry));
      if (mapping.isEmpty() || mapping.get().status() != MappingStatus.CONFLICT) {
        return null;
      }
      Optional<ScheduleEntry> internal = run.lock.inTransaction(tx -> tx.entries().find(entry));
      Optional<ExternalEvent> external = run.calendar.get(mapping.get().externalEventId());
      new PairWriter(run, reporter).apply(
          new DetectedConflict(entry, mapping.get().externalEventId(), internal, external), keep, mapping.get());
      return null;
    });
  }

  @Override
  public ConsentOffer offerConsent(SyncTarget target) {
    return consentLinks.map(links -> links.offer(target)).orElseGet(() -> CalendarSync.super.offerConsent(target));
  }

  /** Stops the push channel first: stopping it at the vendor still needs the provider's access token. */
  @Override
  public void release(SyncTarget target) throws SyncFailure {
    push.release(target);
    tokens.forget(target);
  }

  private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
  }

  private interface Work<T> {
    T run(SyncRun run) throws VendorException;
  }

  private <T> T locked(SyncTarget target, Work<T> work) throws SyncFailure {
    ProviderKey provider = new ProviderKey(target.namespace(), target.name());
    try {
      Optional<ProviderLock> lock = store.providerLocks().tryLock(provider);
      if (lock.isEmpty()) {
        throw new SyncFailure(SyncFailureReason.SyncInProgress, "another operator replica is syncing this provider");
      }
      try (ProviderLock held = lock.get()) {
        VendorConnector connector = connectors.get(target.spec().getVendor());
        if (connector == null) {
          throw new SyncFailure(SyncFailureReason.VendorUnavailable,
              "this operator has no connector for " + target.spec().getVendor());
        }
        ExternalCalendar calendar = connector.open(target);
        return work.run(new SyncRun(target, held, calendar, window(target.spec(), clock.instant()), clock));
      }
    } catch (VendorException e) {
      throw new SyncFailure(reason(e.kind()), e.getMessage(), e.retryAfter().orElse(null), e);
    } catch (StoreException e) {
      throw new SyncFailure(SyncFailureReason.StoreUnavailable, "schedule store: " + e.getMessage(), null, e);
    }
  }

  static TimeWindow window(CalendarProviderSpec spec, Instant now) {
    return new TimeWindow(now.minus(Durations.parse(spec.getSyncWindow().getPast())),
        now.plus(Durations.parse(spec.getSyncWindow().getFuture())));
  }

  private static SyncFailureReason reason(VendorException.Kind kind) {
    return switch (kind) {
      case RATE_LIMITED -> SyncFailureReason.RateLimited;
      case CALENDAR_NOT_FOUND -> SyncFailureReason.CalendarNotFound;
      case AUTHORIZATION_REVOKED -> SyncFailureReason.AuthorizationRevoked;
      case AUTHORIZATION_REQUIRED -> SyncFailureReason.AuthorizationRequired;
      case INVALID_CLIENT -> SyncFailureReason.InvalidClientCredentials;
      case NOT_FOUND, PRECONDITION_FAILED, CURSOR_EXPIRED, REJECTED, UNAVAILABLE -> SyncFailureReason.VendorUnavailable;
    };
  }
}
