package io.calendarsync.operator.provider;

import io.calendarsync.api.crypto.TokenDigest;
import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.CalendarProviderStatus;
import io.calendarsync.api.v1alpha1.CalendarSyncConflict;
import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.api.v1alpha1.Durations;
import io.calendarsync.api.v1alpha1.MetadataKeys;
import io.calendarsync.api.v1alpha1.Phase;
import io.calendarsync.operator.config.OperatorConfig;
import io.calendarsync.operator.conflict.ConflictNames;
import io.calendarsync.operator.events.EventRecorder;
import io.calendarsync.operator.metrics.OperatorMetrics;
import io.calendarsync.operator.oauth.TokenSecrets;
import io.calendarsync.operator.status.ConditionType;
import io.calendarsync.operator.status.Reason;
import io.calendarsync.operator.store.ChangeOrigin;
import io.calendarsync.operator.store.ProviderKey;
import io.calendarsync.operator.sync.CalendarSync;
import io.calendarsync.operator.sync.ConsentOffer;
import io.calendarsync.operator.sync.ProviderCredentials;
import io.calendarsync.operator.sync.StoredGrant;
import io.calendarsync.operator.sync.SyncFailure;
import io.calendarsync.operator.sync.SyncResult;
import io.calendarsync.operator.sync.SyncTarget;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Owns a CalendarProvider's lifecycle: checks it may sync (spec, tenant, credentials), runs the sync through the
 * {@link CalendarSync} port, reports the outcome as conditions and Events, and wakes it again at the earliest of the
 * safety-net interval and whatever the sync engine asked for. The status is written only when it changed.
 */
@ControllerConfiguration(
    name = CalendarProviderReconciler.NAME,
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = ProviderUpdateFilter.class))
public class CalendarProviderReconciler implements Reconciler<CalendarProvider>, Cleaner<CalendarProvider> {

  public static final String NAME = "calendarprovider";
  private static final Logger LOG = LoggerFactory.getLogger(CalendarProviderReconciler.class);
  private static final String SECRET_INDEX = "credentials-secret";
  private static final String USER_INDEX = "tenant-user";
  /** A consent link is replaced this long before its state expires, so the one in status always works. */
  private static final Duration CONSENT_RENEWAL_MARGIN = Duration.ofMinutes(2);

  private final CalendarSync sync;
  private final OperatorConfig config;
  private final Clock clock;
  private final EventRecorder events;
  private final OperatorMetrics metrics;
  private final SpecValidator specValidator = new SpecValidator();
  private final CredentialsReader credentialsReader = new CredentialsReader();
  private final TenantGuard tenantGuard;
  private final RetryBackoff backoff;
  private final Map<String, Integer> cleanupAttempts = new ConcurrentHashMap<>();
  private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();

  /**
   * The vendor refused this provider's grant or client. Until what was tried changes (spec, credentials Secret, the
   * operator's kept token) or Sync Now is asked, no token or vendor call is made again.
   *
   * @param attempt what was tried, see {@link #attempt}
   * @param consentExpiresAt when the published consent link stops working; null when none was published
   */
  private record Refusal(String attempt, SyncFailure failure, Instant consentExpiresAt) {}

  private final SimpleInboundEventSource<CalendarProvider> wakeUps = new SimpleInboundEventSource<>("wake-ups");
  private IndexerResourceCache<CalendarProvider> providers;
  private InformerEventSource<Secret, CalendarProvider> secrets;
  private InformerEventSource<Namespace, CalendarProvider> namespaces;

  public CalendarProviderReconciler(CalendarSync sync, OperatorConfig config, Clock clock, EventRecorder events,
      OperatorMetrics metrics) {
    this.sync = sync;
    this.config = config;
    this.clock = clock;
    this.events = events;
    this.metrics = metrics;
    this.tenantGuard = new TenantGuard(config.tenantEnforcement());
    this.backoff = new RetryBackoff(config.retryBackoff(), config.maxRetryBackoff());
  }

  @Override
  public List<EventSource<?, CalendarProvider>> prepareEventSources(EventSourceContext<CalendarProvider> context) {
    List<EventSource<?, CalendarProvider>> sources = new ArrayList<>();
    providers = context.getPrimaryCache();
    providers.addIndexer(USER_INDEX, p -> p.getSpec() == null ? List.of() : List.of(userKey(p.getSpec().getTenant(), p.getSpec().getUserId())));
    sources.add(wakeUps);
    providers.addIndexer(SECRET_INDEX, p -> p.getSpec() == null || p.getSpec().getCredentialsSecretRef() == null
        ? List.of()
        : List.of(p.getMetadata().getNamespace() + "/" + p.getSpec().getCredentialsSecretRef().getName()));
    // Only Secrets carrying the credentials label are cached: the operator never holds every Secret of the cluster.
    secrets = new InformerEventSource<>(InformerEventSourceConfiguration.from(Secret.class, CalendarProvider.class)
        .withName("credentials-secrets")
        .withLabelSelector(MetadataKeys.CREDENTIALS)
        .withSecondaryToPrimaryMapper(secret -> Stream.concat(
                providers.byIndex(SECRET_INDEX, secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName())
                    .stream().map(ResourceID::fromResource),
                // A completed consent lands in the operator's token Secret; its own rotations wake nobody.
                TokenSecrets.holdsConsent(secret)
                    ? Stream.of(new ResourceID(secret.getMetadata().getLabels().get(TokenSecrets.PROVIDER_LABEL),
                        secret.getMetadata().getNamespace()))
                    : Stream.empty())
            .collect(Collectors.toSet()))
        .build(), context);
    sources.add(secrets);
    // A person's resolution (spec.resolution on a conflict the provider owns) wakes the provider, which applies it.
    sources.add(new InformerEventSource<>(InformerEventSourceConfiguration.from(CalendarSyncConflict.class, CalendarProvider.class)
        .withName("conflicts")
        .withLabelSelector(ConflictNames.PROVIDER_LABEL)
        .withSecondaryToPrimaryMapper(conflict -> Set.of(new ResourceID(
            conflict.getMetadata().getLabels().get(ConflictNames.PROVIDER_LABEL), conflict.getMetadata().getNamespace())))
        .build(), context));
    if (tenantGuard.isEnforced()) {
      namespaces = new InformerEventSource<>(InformerEventSourceConfiguration.from(Namespace.class, CalendarProvider.class)
          .withName("tenant-namespaces")
          .withWatchAllNamespaces()
          .withOnUpdateFilter((now, before) -> !Objects.equals(now.getMetadata().getLabels(), before.getMetadata().getLabels()))
          .withSecondaryToPrimaryMapper(ns -> providers.byIndex(Cache.NAMESPACE_INDEX, ns.getMetadata().getName())
              .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
          .build(), context);
      sources.add(namespaces);
    }
    return sources;
  }

  /**
   * Wakes the providers that sync these users' schedules of the tenant (a change reached them), except the one the
   * change came from.
   */
  public void wakeProvidersOf(String tenant, Collection<String> users, ChangeOrigin origin) {
    for (String user : users) {
      providers.byIndex(USER_INDEX, userKey(tenant, user)).stream()
          .filter(provider -> !origin.isProvider(new ProviderKey(provider.getMetadata().getNamespace(),
              provider.getMetadata().getName())))
          .forEach(provider -> wakeUps.propagateEvent(ResourceID.fromResource(provider)));
    }
  }

  /** Wakes one provider, named {@code namespace/name} (a push notification or a completed consent concerns it). */
  public void wake(String providerKey) {
    ProviderKey key = ProviderKey.parse(providerKey);
    wakeUps.propagateEvent(new ResourceID(key.name(), key.namespace()));
  }

  /** Wakes every provider (after missed notifications, every one must read its change log). */
  public void wakeAll() {
    providers.list().forEach(provider -> wakeUps.propagateEvent(ResourceID.fromResource(provider)));
  }

  private static String userKey(String tenant, String user) {
    return tenant + "/" + user;
  }

  @Override
  public UpdateControl<CalendarProvider> reconcile(CalendarProvider provider, Context<CalendarProvider> context) {
    Instant now = clock.instant();
    CalendarProviderStatus before = provider.getStatus();
    ProviderStatusEditor status = new ProviderStatusEditor(provider, now);
    if (status.isFirstSight()) {
      status.markInitializing();
      return write(provider, before, status).rescheduleAfter(Duration.ofMillis(1));
    }
    String key = key(provider);
    String syncRequest = annotation(provider, MetadataKeys.SYNC_REQUESTED_AT);
    boolean syncRequested = syncRequest != null && !syncRequest.equals(before.getLastHandledSyncRequest());

    Optional<Problem> problem = specValidator.check(provider.getSpec())
        .or(() -> tenantGuard.check(provider, this::namespace));
    ProviderCredentials credentials = null;
    if (problem.isEmpty()) {
      var outcome = credentialsReader.read(provider, name -> secret(provider, name));
      credentials = outcome.credentials();
      problem = Optional.ofNullable(outcome.problem());
    }

    Optional<Duration> wakeUp;
    if (problem.isPresent()) {
      status.markBlocked(problem.get());
      wakeUp = Optional.empty();
    } else if (Boolean.TRUE.equals(provider.getSpec().getSuspend())) {
      wakeUp = suspend(provider, before, credentials, status);
    } else {
      SyncTarget target = new SyncTarget(provider.getMetadata().getNamespace(), provider.getMetadata().getName(),
          provider.getSpec(), credentials);
      Refusal refusal = refusals.get(key);
      if (refusal != null && refusal.attempt().equals(attempt(provider, credentials)) && !syncRequested) {
        wakeUp = awaitPerson(target, refusal, status, now);
      } else {
        Optional<Duration> failedResolution = applyResolutions(provider, target, context, status);
        wakeUp = failedResolution.isPresent() ? failedResolution : runSync(provider, target, status, now);
      }
    }
    if (syncRequested) {
      status.recordSyncRequestHandled(syncRequest);
      events.normal(provider, Reason.SYNC_REQUESTED, "Handled sync request " + syncRequest);
    }
    announceReadyTransition(provider, before, status);
    metrics.phase(key, status.build().getPhase());
    UpdateControl<CalendarProvider> control = write(provider, before, status);
    wakeUp.ifPresent(control::rescheduleAfter);
    return control;
  }

  private Optional<Duration> suspend(CalendarProvider provider, CalendarProviderStatus before,
      ProviderCredentials credentials, ProviderStatusEditor status) {
    if (before.getPhase() != Phase.Suspended) {
      try {
        sync.release(new SyncTarget(provider.getMetadata().getNamespace(), provider.getMetadata().getName(),
            provider.getSpec(), credentials));
      } catch (SyncFailure e) {
        // Stay out of Suspended until the vendor side is released, so the release is retried.
        LOG.warn("could not release vendor resources of suspended provider {}: {}", key(provider), e.getMessage());
        status.markSyncFailed(e);
        return Optional.of(backoff.next(key(provider), e.retryAfter()));
      }
    }
    backoff.reset(key(provider));
    status.markSuspended();
    return Optional.empty();
  }

  /**
   * Applies the resolutions people set on this provider's conflicts, then deletes those conflicts. A failure stops
   * here and is reported like a failed sync (the conflict stays, and is tried again).
   */
  private Optional<Duration> applyResolutions(CalendarProvider provider, SyncTarget target,
      Context<CalendarProvider> context, ProviderStatusEditor status) {
    List<CalendarSyncConflict> decided = context.getSecondaryResources(CalendarSyncConflict.class).stream()
        .filter(c -> c.getSpec() != null && c.getSpec().getResolution() != null)
        .toList();
    for (CalendarSyncConflict conflict : decided) {
      try {
        sync.resolve(target, conflict.getSpec().getEntryId(), conflict.getSpec().getResolution());
      } catch (SyncFailure failure) {
        status.markSyncFailed(failure);
        return Optional.of(backoff.next(target.key(), failure.retryAfter()));
      }
      context.getClient().resource(conflict).delete();
      events.normal(provider, "ConflictResolved", "Conflict " + conflict.getMetadata().getName() + " resolved: "
          + (conflict.getSpec().getResolution() == ConflictResolution.KeepInternal
              ? "the schedule entry was kept" : "the calendar event was kept"));
    }
    return Optional.empty();
  }

  private Optional<Duration> runSync(CalendarProvider provider, SyncTarget target, ProviderStatusEditor status,
      Instant now) {
    String vendor = provider.getSpec().getVendor().name();
    Duration interval = Durations.parse(provider.getSpec().getSyncInterval());
    long started = System.nanoTime();
    try {
      SyncResult result = sync.sync(target);
      metrics.syncFinished(vendor, "Succeeded", Duration.ofNanos(System.nanoTime() - started));
      refusals.remove(target.key());
      status.markSynced(result);
      backoff.reset(target.key());
      Duration next = result.nextActionAt()
          .map(at -> Duration.between(now, at))
          .filter(untilAction -> untilAction.compareTo(interval) < 0)
          .map(untilAction -> untilAction.isNegative() ? Duration.ZERO : untilAction)
          .orElse(interval);
      return Optional.of(next);
    } catch (SyncFailure failure) {
      metrics.syncFinished(vendor, failure.reason().name(), Duration.ofNanos(System.nanoTime() - started));
      LOG.info("sync of {} failed: {} {}", target.key(), failure.reason(), failure.getMessage());
      status.markSyncFailed(failure);
      if (failure.reason().isAuthorization()) {
        // A revoked grant stays revoked: wait for a changed Secret, a consent or Sync Now instead of burning quota.
        Refusal refusal = new Refusal(attempt(provider, target.credentials()), failure, null);
        refusals.put(target.key(), refusal);
        return failure.reason().needsConsent() ? offerConsent(target, refusal, status, now) : Optional.empty();
      }
      refusals.remove(target.key());
      if (failure.reason().needsPerson()) {
        return Optional.of(interval);
      }
      return Optional.of(backoff.next(target.key(), failure.retryAfter()));
    }
  }

  /**
   * A refused provider whose inputs did not change: no token or vendor call, only the consent link is renewed before
   * its state expires.
   */
  private Optional<Duration> awaitPerson(SyncTarget target, Refusal refusal, ProviderStatusEditor status,
      Instant now) {
    if (!refusal.failure().reason().needsConsent()) {
      return Optional.empty();
    }
    if (refusal.consentExpiresAt() == null || !now.isBefore(refusal.consentExpiresAt().minus(CONSENT_RENEWAL_MARGIN))) {
      return offerConsent(target, refusal, status, now);
    }
    return Optional.of(Duration.between(now, refusal.consentExpiresAt().minus(CONSENT_RENEWAL_MARGIN)));
  }

  /** Publishes a consent link and wakes the provider in time to replace it; or says why there is none. */
  private Optional<Duration> offerConsent(SyncTarget target, Refusal refusal, ProviderStatusEditor status,
      Instant now) {
    ConsentOffer offer = sync.offerConsent(target);
    status.markConsentNeeded(refusal.failure(), offer);
    if (offer.url().isPresent()) {
      refusals.put(target.key(), new Refusal(refusal.attempt(), refusal.failure(), offer.expiresAt()));
      Duration untilRenewal = Duration.between(now, offer.expiresAt().minus(CONSENT_RENEWAL_MARGIN));
      return Optional.of(untilRenewal.isNegative() ? Duration.ZERO : untilRenewal);
    }
    return offer.retryable() ? Optional.of(backoff.next(target.key(), Optional.empty())) : Optional.empty();
  }

  /**
   * What a sync attempt was made with: the spec, the credentials Secret and the operator's kept token. A change of
   * any of them is worth one more try after the vendor refused the grant.
   */
  private static String attempt(CalendarProvider provider, ProviderCredentials credentials) {
    return provider.getMetadata().getGeneration() + "/" + credentials.resourceVersion() + "/"
        + credentials.storedGrant().map(StoredGrant::refreshToken).map(TokenDigest::of).orElse("none");
  }

  @Override
  public DeleteControl cleanup(CalendarProvider provider, Context<CalendarProvider> context) {
    String uid = provider.getMetadata().getUid();
    ProviderCredentials credentials = provider.getSpec() == null || provider.getSpec().getCredentialsSecretRef() == null
        ? null
        : credentialsReader.read(provider, name -> secret(provider, name)).credentials();
    try {
      sync.release(new SyncTarget(provider.getMetadata().getNamespace(), provider.getMetadata().getName(),
          provider.getSpec(), credentials));
      cleanupAttempts.remove(uid);
      return released(provider);
    } catch (SyncFailure | RuntimeException e) {
      int attempt = cleanupAttempts.merge(uid, 1, Integer::sum);
      if (attempt >= config.cleanupAttempts()) {
        cleanupAttempts.remove(uid);
        events.warning(provider, Reason.CLEANUP_ABANDONED, "Could not release vendor resources after " + attempt
            + " attempts (" + e.getMessage() + "); deleting anyway: a push channel left behind expires at the vendor");
        return released(provider);
      }
      events.warning(provider, Reason.CLEANUP_FAILED, "Releasing vendor resources failed (attempt " + attempt + " of "
          + config.cleanupAttempts() + "): " + e.getMessage());
      return DeleteControl.noFinalizerRemoval()
          .rescheduleAfter(backoff.delay(attempt, Optional.empty()).toMillis());
    }
  }

  private DeleteControl released(CalendarProvider provider) {
    backoff.reset(key(provider));
    refusals.remove(key(provider));
    metrics.phase(key(provider), null);
    return DeleteControl.defaultDelete();
  }

  @Override
  public ErrorStatusUpdateControl<CalendarProvider> updateErrorStatus(CalendarProvider provider,
      Context<CalendarProvider> context, Exception e) {
    LOG.error("reconcile of {} failed", key(provider), e);
    CalendarProviderStatus before = provider.getStatus();
    ProviderStatusEditor status = new ProviderStatusEditor(provider, clock.instant());
    status.markReconcileError(Reason.RECONCILE_ERROR, "Unexpected error: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    announceReadyTransition(provider, before, status);
    if (sameJson(before, status.build())) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    provider.setStatus(status.build());
    metrics.statusWritten();
    return ErrorStatusUpdateControl.patchStatus(provider);
  }

  private UpdateControl<CalendarProvider> write(CalendarProvider provider, CalendarProviderStatus before,
      ProviderStatusEditor status) {
    if (sameJson(before, status.build())) {
      return UpdateControl.noUpdate();
    }
    provider.setStatus(status.build());
    metrics.statusWritten();
    return UpdateControl.patchStatus(provider);
  }

  /** One Event per change of the Ready condition's status or reason: transitions, never a heartbeat. */
  private void announceReadyTransition(CalendarProvider provider, CalendarProviderStatus before,
      ProviderStatusEditor status) {
    Optional<Condition> was = before == null ? Optional.empty() : before.getConditions().stream()
        .filter(c -> ConditionType.READY.equals(c.getType())).findFirst();
    Condition now = status.conditions().get(ConditionType.READY).orElseThrow();
    boolean changed = was.map(c -> !c.getStatus().equals(now.getStatus()) || !c.getReason().equals(now.getReason()))
        .orElse(true);
    if (!changed || Reason.INITIALIZING.equals(now.getReason())) {
      return;
    }
    if ("False".equals(now.getStatus()) && !Reason.SUSPENDED.equals(now.getReason())) {
      events.warning(provider, now.getReason(), now.getMessage());
    } else {
      events.normal(provider, now.getReason(), now.getMessage());
    }
  }

  private Optional<Secret> secret(CalendarProvider provider, String name) {
    return secrets.get(new ResourceID(name, provider.getMetadata().getNamespace()));
  }

  private Optional<Namespace> namespace(String name) {
    return namespaces.get(new ResourceID(name));
  }

  private static String annotation(CalendarProvider provider, String key) {
    var annotations = provider.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  private static boolean sameJson(CalendarProviderStatus a, CalendarProviderStatus b) {
    return Objects.equals(a == null ? null : Serialization.asJson(a), b == null ? null : Serialization.asJson(b));
  }

  private static String key(CalendarProvider provider) {
    return provider.getMetadata().getNamespace() + "/" + provider.getMetadata().getName();
  }
}
