package io.calendarsync.operator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.api.v1alpha1.Vendor;
import io.calendarsync.emulators.MutableClock;
import io.calendarsync.emulators.http.FaultInjector;
import io.calendarsync.operator.oauth.AccessTokens;
import io.calendarsync.operator.sync.SyncTarget;
import io.calendarsync.operator.vendor.VendorConnector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One vendor's emulator and the operator's real connector to it, plus what a person does in that vendor's calendar
 * app, so the engine's guarantees are proven once for both vendors ({@link SyncEngineContract}).
 */
interface VendorHarness extends AutoCloseable {

  Vendor vendor();

  VendorConnector connector();

  AccessTokens tokens();

  MutableClock clock();

  /** A target for the user's synced calendar, with a valid grant; the test sets tenant, user and policies. */
  SyncTarget target();

  /** Live events of the synced calendar, as the emulator stores them. */
  List<ObjectNode> events();

  String title(ObjectNode event);

  Instant start(ObjectNode event);

  /** Start date and exclusive end date of an all-day event. */
  List<LocalDate> allDayDates(ObjectNode event);

  /** The entry key stamped on the event by the operator, or null. */
  String ownerTag(ObjectNode event);

  boolean tentative(ObjectNode event);

  boolean isPrivate(ObjectNode event);

  void editTitle(String eventId, String title);

  void delete(String eventId);

  void createAllDay(String title, LocalDate start, LocalDate endExclusive);

  /** What the user sees in the calendar app in {@code [from, to)}: series expanded, cancelled occurrences gone. */
  List<ObjectNode> occurrences(Instant from, Instant to);

  /** The user moves one occurrence of a series (one of {@link #occurrences}) to another time. */
  void moveOccurrence(ObjectNode occurrence, Instant start, Instant end);

  /** The emulator's planned misbehaviour (429 storms, 5xx, slow answers). */
  FaultInjector faults();

  /** Every sync token / delta link stops working, as when the vendor expires them. */
  void expireSyncState();

  /** API writes (creates, updates, deletes) the emulator has received; reads and token requests excluded. */
  long writes();

  @Override
  void close();
}
