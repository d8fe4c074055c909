package io.calendarsync.operator.support;

import io.calendarsync.api.v1alpha1.ConflictResolution;
import io.calendarsync.api.v1alpha1.SyncCounts;
import io.calendarsync.operator.sync.CalendarSync;
import io.calendarsync.operator.sync.PushState;
import io.calendarsync.operator.sync.SyncFailure;
import io.calendarsync.operator.sync.SyncResult;
import io.calendarsync.operator.sync.SyncTarget;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test implementation of the sync port: records every call, succeeds with nothing to do unless told otherwise
 * for a provider, and can play an unreachable vendor.
 */
public final class ScriptedCalendarSync implements CalendarSync {

  private final Map<String, AtomicInteger> syncs = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> releases = new ConcurrentHashMap<>();
  private final Map<String, SyncFailure> syncFailures = new ConcurrentHashMap<>();
  private final Map<String, SyncFailure> releaseFailures = new ConcurrentHashMap<>();
  private final Map<String, Integer> openConflicts = new ConcurrentHashMap<>();
  private final List<SyncTarget> targets = new CopyOnWriteArrayList<>();
  private final List<String> resolutions = new CopyOnWriteArrayList<>();

  @Override
  public SyncResult sync(SyncTarget target) throws SyncFailure {
    syncs.computeIfAbsent(target.key(), k -> new AtomicInteger()).incrementAndGet();
    targets.add(target);
    SyncFailure failure = syncFailures.get(target.key());
    if (failure != null) {
      throw failure;
    }
    return new SyncResult(new SyncCounts(), openConflicts.getOrDefault(target.key(), 0),
        PushState.inactive("PushDisabled", "Push is not configured"), null, null, Optional.empty());
  }

  @Override
  public void resolve(SyncTarget target, String entryId, ConflictResolution keep) throws SyncFailure {
    resolutions.add(target.key() + " " + entryId + " " + keep);
    SyncFailure failure = syncFailures.get(target.key());
    if (failure != null) {
      throw failure;
    }
  }

  public List<String> resolutions() {
    return resolutions;
  }

  @Override
  public void release(SyncTarget target) throws SyncFailure {
    releases.computeIfAbsent(target.key(), k -> new AtomicInteger()).incrementAndGet();
    SyncFailure failure = releaseFailures.get(target.key());
    if (failure != null) {
      throw failure;
    }
  }

  public int syncs(String key) {
    return Optional.ofNullable(syncs.get(key)).map(AtomicInteger::get).orElse(0);
  }

  public int totalSyncs() {
    return syncs.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public int releases(String key) {
    return Optional.ofNullable(releases.get(key)).map(AtomicInteger::get).orElse(0);
  }

  public List<SyncTarget> targets() {
    return targets;
  }

  public void failSyncs(String key, SyncFailure failure) {
    syncFailures.put(key, failure);
  }

  public void recover(String key) {
    syncFailures.remove(key);
    releaseFailures.remove(key);
  }

  public void failReleases(String key, SyncFailure failure) {
    releaseFailures.put(key, failure);
  }

  public void reportConflicts(String key, int count) {
    openConflicts.put(key, count);
  }
}
