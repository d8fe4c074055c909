package io.calendarsync.operator.provider;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.CalendarProviderStatus;
import io.calendarsync.api.v1alpha1.Phase;
import io.calendarsync.operator.status.Conditions;
import io.calendarsync.operator.sync.ConsentOffer;
import io.calendarsync.operator.sync.SyncFailure;
import io.calendarsync.operator.sync.SyncResult;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import static io.calendarsync.operator.status.ConditionType.CONFLICT;
import static io.calendarsync.operator.status.ConditionType.CONNECTED;
import static io.calendarsync.operator.status.ConditionType.READY;
import static io.calendarsync.operator.status.ConditionType.RECONCILING;
import static io.calendarsync.operator.status.ConditionType.STALLED;
import static io.calendarsync.operator.status.ConditionType.SYNCED;
import static io.calendarsync.operator.status.ConditionType.WEBHOOK_ACTIVE;
import static io.calendarsync.operator.status.Reason.AUTHENTICATED;
import static io.calendarsync.operator.status.Reason.CONFLICTS_OPEN;
import static io.calendarsync.operator.status.Reason.INITIALIZING;
import static io.calendarsync.operator.status.Reason.NO_CONFLICTS;
import static io.calendarsync.operator.status.Reason.SUSPENDED;
import static io.calendarsync.operator.status.Reason.SYNC_SUCCEEDED;

/**
 * Builds a provider's next status from its current one. Every field is derived from what happened, never from the
 * clock alone, so a provider whose sync changed nothing ends up with an identical status and costs no API write.
 */
final class ProviderStatusEditor {

  private final CalendarProvider provider;
  private final CalendarProviderStatus status;
  private final Conditions conditions;
  private final Instant now;

  ProviderStatusEditor(CalendarProvider provider, Instant now) {
    this.provider = provider;
    this.status = provider.getStatus() == null
        ? new CalendarProviderStatus()
        : Serialization.clone(provider.getStatus());
    if (status.getConditions() == null) {
      status.setConditions(new ArrayList<>());
    }
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
    this.conditions = new Conditions(status.getConditions(), generation(), now);
    status.setObservedGeneration(generation());
  }

  private long generation() {
    Long generation = provider.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  /** True before the operator has ever written a Ready condition for this provider. */
  boolean isFirstSight() {
    return conditions.get(READY).isEmpty();
  }

  void markInitializing() {
    conditions.setUnknown(READY, INITIALIZING, "The operator is checking the provider for the first time");
    conditions.setTrue(RECONCILING, INITIALIZING, "First sync in progress");
    status.setPhase(Phase.Pending);
  }

  void markBlocked(Problem problem) {
    conditions.setFalse(READY, problem.reason(), problem.message());
    conditions.setFalse(CONNECTED, problem.reason(), problem.message());
    conditions.setTrue(STALLED, problem.reason(), problem.message());
    conditions.remove(RECONCILING);
    status.setPhase(Phase.Error);
  }

  void markSuspended() {
    String message = "Sync is suspended (spec.suspend: true); no calls are made to the vendor";
    conditions.setFalse(READY, SUSPENDED, message);
    conditions.setFalse(WEBHOOK_ACTIVE, SUSPENDED, "Push channel stopped while suspended");
    conditions.remove(STALLED);
    conditions.remove(RECONCILING);
    status.setPhase(Phase.Suspended);
    status.setPushChannelExpiryTime(null);
  }

  void markSynced(SyncResult result) {
    conditions.setTrue(CONNECTED, AUTHENTICATED, "Credentials accepted by the vendor");
    conditions.setTrue(SYNCED, SYNC_SUCCEEDED, "Calendar and schedule are in sync");
    if (result.push().active()) {
      conditions.setTrue(WEBHOOK_ACTIVE, result.push().reason(), result.push().message());
    } else {
      conditions.setFalse(WEBHOOK_ACTIVE, result.push().reason(), result.push().message());
    }
    status.setPushChannelExpiryTime(format(result.push().expiresAt()));
    if (result.openConflicts() > 0) {
      conditions.setTrue(CONFLICT, CONFLICTS_OPEN, result.openConflicts()
          + " open conflict(s): kubectl get calendarsyncconflicts -n " + provider.getMetadata().getNamespace());
      status.setPhase(Phase.Conflict);
    } else {
      conditions.setFalse(CONFLICT, NO_CONFLICTS, "No open conflicts");
      status.setPhase(Phase.Connected);
    }
    conditions.setTrue(READY, io.calendarsync.operator.status.Reason.READY, "Provider is connected and in sync");
    conditions.remove(STALLED);
    conditions.remove(RECONCILING);
    status.setOpenConflicts(result.openConflicts());
    status.setTokenExpiryTime(format(result.tokenExpiresAt()));
    status.setLastTokenRefreshTime(format(result.lastTokenRefreshAt()));
    status.setAuthorizationUrl(null);
    if (result.changedAnything() || status.getLastSyncTime() == null) {
      status.setLastSyncTime(now.toString());
      status.setLastSyncCounts(result.counts());
    }
  }

  void markSyncFailed(SyncFailure failure) {
    String reason = failure.reason().name();
    conditions.setFalse(SYNCED, reason, failure.getMessage());
    conditions.setFalse(READY, reason, failure.getMessage());
    if (failure.reason().isAuthorization()) {
      conditions.setFalse(CONNECTED, reason, failure.getMessage());
      status.setPhase(Phase.AuthorizationRequired);
      // No access token is usable any more; the last refresh time stays as the last time one was.
      status.setTokenExpiryTime(null);
    } else {
      status.setPhase(Phase.Error);
    }
    if (failure.reason().needsPerson()) {
      conditions.setTrue(STALLED, reason, failure.getMessage());
    } else {
      conditions.remove(STALLED);
    }
    conditions.remove(RECONCILING);
    status.setAuthorizationUrl(null);
  }

  /**
   * The grant is missing or revoked: publishes the consent link, or says in the conditions why there is none. The
   * link is only in {@code status.authorizationUrl}, never in a message (messages become Events).
   */
  void markConsentNeeded(SyncFailure failure, ConsentOffer offer) {
    String message = failure.getMessage() + offer.url()
        .map(url -> "; open status.authorizationUrl to grant access (the link is renewed until it is used)")
        .orElseGet(() -> "; no consent link can be offered: " + offer.unavailable().orElseThrow());
    String reason = failure.reason().name();
    conditions.setFalse(SYNCED, reason, message);
    conditions.setFalse(READY, reason, message);
    conditions.setFalse(CONNECTED, reason, message);
    conditions.setTrue(STALLED, reason, message);
    status.setPhase(Phase.AuthorizationRequired);
    status.setAuthorizationUrl(offer.url().orElse(null));
  }

  void markReconcileError(String reason, String message) {
    conditions.setFalse(READY, reason, message);
    conditions.remove(RECONCILING);
    status.setPhase(Phase.Error);
  }

  void recordSyncRequestHandled(String value) {
    status.setLastHandledSyncRequest(value);
  }

  Conditions conditions() {
    return conditions;
  }

  CalendarProviderStatus build() {
    return status;
  }

  private static String format(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
