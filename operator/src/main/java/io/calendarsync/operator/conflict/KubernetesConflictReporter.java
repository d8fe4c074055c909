package io.calendarsync.operator.conflict;

import io.calendarsync.api.v1alpha1.CalendarProvider;
import io.calendarsync.api.v1alpha1.CalendarSyncConflict;
import io.calendarsync.api.v1alpha1.CalendarSyncConflictSpec;
import io.calendarsync.api.v1alpha1.CalendarSyncConflictStatus;
import io.calendarsync.api.v1alpha1.ConflictPolicy;
import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.api.v1alpha1.EventVersion;
import io.calendarsync.operator.engine.ConflictReporter;
import io.calendarsync.operator.engine.DetectedConflict;
import io.calendarsync.operator.events.EventRecorder;
import io.calendarsync.operator.notify.EventStream;
import io.calendarsync.operator.store.EntryTiming;
import io.calendarsync.operator.store.ScheduleEntry;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.ExternalEvent;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Surfaces conflicts where people look: a CalendarSyncConflict owned by the provider (garbage-collected with it) with
 * both versions side by side, a Warning Event on the provider, and a stream event for other systems. Automatic
 * resolutions by policy get a Normal Event.
 */
public final class KubernetesConflictReporter implements ConflictReporter {

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesConflictReporter.class);

  private final KubernetesClient client;
  private final EventRecorder events;
  private final EventStream stream;
  private final Clock clock;

  public KubernetesConflictReporter(KubernetesClient client, EventRecorder events, EventStream stream, Clock clock) {
    this.client = client;
    this.events = events;
    this.stream = stream;
    this.clock = clock;
  }

  @Override
  public void conflictDetected(SyncTarget target, DetectedConflict conflict) {
    String name = ConflictNames.of(target.name(), conflict.entry().entryId());
    try {
      CalendarProvider provider = client.resources(CalendarProvider.class).inNamespace(target.namespace())
          .withName(target.name()).get();
      if (provider == null) {
        return;
      }
      var resources = client.resources(CalendarSyncConflict.class).inNamespace(target.namespace());
      CalendarSyncConflict existing = resources.withName(name).get();
      CalendarSyncConflict resource = existing != null ? existing : resources.resource(newConflict(provider, name, conflict)).create();
      resource.setStatus(status(conflict));
      resources.resource(resource).patchStatus();
      events.warning(provider, "ConflictDetected", "Entry " + conflict.entry().entryId() + " and calendar event "
          + conflict.externalEventId() + " both changed; decide with: kubectl patch calendarsyncconflict " + name
          + " -n " + target.namespace() + " --type merge -p '{\"spec\":{\"resolution\":\"KeepInternal\"}}' (or KeepExternal)");
    } catch (KubernetesClientException e) {
      LOG.warn("could not record conflict {} of {}: {}", name, target.key(), e.getMessage());
    }
    stream.publish(EventStream.CONFLICT_DETECTED, Map.of("provider", target.key(), "tenant", conflict.entry().tenant(),
        "entryId", conflict.entry().entryId(), "externalEventId", conflict.externalEventId(), "conflict", name));
  }

  @Override
  public void conflictAutoResolved(SyncTarget target, DetectedConflict conflict, ConflictPolicy policy,
      ConflictResolution kept) {
    CalendarProvider provider = client.resources(CalendarProvider.class).inNamespace(target.namespace())
        .withName(target.name()).get();
    if (provider != null) {
      events.normal(provider, "ConflictResolved", "Entry " + conflict.entry().entryId() + " and calendar event "
          + conflict.externalEventId() + " both changed; conflictPolicy " + policy + " kept "
          + (kept == ConflictResolution.KeepInternal ? "the schedule entry" : "the calendar event"));
    }
  }

  private static CalendarSyncConflict newConflict(CalendarProvider provider, String name, DetectedConflict conflict) {
    CalendarSyncConflict resource = new CalendarSyncConflict();
    resource.setMetadata(new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(provider.getMetadata().getNamespace())
        .addToLabels(ConflictNames.PROVIDER_LABEL, provider.getMetadata().getName())
        .withOwnerReferences(new OwnerReferenceBuilder()
            .withApiVersion(provider.getApiVersion())
            .withKind(provider.getKind())
            .withName(provider.getMetadata().getName())
            .withUid(provider.getMetadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .build())
        .build());
    CalendarSyncConflictSpec spec = new CalendarSyncConflictSpec();
    spec.setProviderName(provider.getMetadata().getName());
    spec.setEntryId(conflict.entry().entryId());
    spec.setExternalEventId(conflict.externalEventId());
    resource.setSpec(spec);
    return resource;
  }

  private CalendarSyncConflictStatus status(DetectedConflict conflict) {
    CalendarSyncConflictStatus status = new CalendarSyncConflictStatus();
    status.setPhase("Open");
    status.setDetectedTime(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    status.setInternal(conflict.internal().map(KubernetesConflictReporter::version).orElseGet(KubernetesConflictReporter::gone));
    status.setExternal(conflict.external().map(KubernetesConflictReporter::version).orElseGet(KubernetesConflictReporter::gone));
    return status;
  }

  private static EventVersion version(ScheduleEntry entry) {
    EventVersion version = timing(entry.content().timing());
    version.setTitle(entry.content().title());
    version.setTimeZone(entry.content().timeZone().getId());
    version.setLastModified(entry.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
    version.setVersion(Long.toString(entry.version()));
    version.setDeleted(entry.deleted() ? Boolean.TRUE : null);
    return version;
  }

  private static EventVersion version(ExternalEvent event) {
    EventVersion version = timing(event.content().timing());
    version.setTitle(event.content().title());
    version.setTimeZone(event.content().timeZone().getId());
    version.setLastModified(event.lastModified() == null ? null : event.lastModified().truncatedTo(ChronoUnit.SECONDS).toString());
    version.setVersion(event.version());
    version.setDeleted(event.cancelled() ? Boolean.TRUE : null);
    return version;
  }

  private static EventVersion timing(EntryTiming timing) {
    EventVersion version = new EventVersion();
    if (timing instanceof EntryTiming.Timed timed) {
      version.setStart(timed.start().toString());
      version.setEnd(timed.end().toString());
    } else if (timing instanceof EntryTiming.AllDay allDay) {
      version.setStart(allDay.startDate().toString());
      version.setEnd(allDay.endDate().toString());
      version.setAllDay(true);
    }
    return version;
  }

  private static EventVersion gone() {
    EventVersion version = new EventVersion();
    version.setDeleted(true);
    return version;
  }
}
