package io.calendarsync.operator.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's guarantees on Google Calendar, plus what only Google has. */
class GoogleSyncEngineTest extends SyncEngineContract {

  @Override
  VendorHarness newVendor() {
    return new GoogleHarness();
  }

  @Override
  String ruleTheVendorRefuses() {
    return "RRULE:FREQ=SOMETIMES";
  }

  @Test
  void noInvitationIsEverSent() throws Exception {
    fx.platformInserts("meeting", "Planning", "2026-01-12T09:00:00Z", "2026-01-12T10:00:00Z");
    fx.sync(fx.bidirectional());
    fx.platformSql("UPDATE calendar_sync.schedule_entries SET title = 'Planning (moved)' WHERE entry_id = 'meeting'");
    fx.sync(fx.bidirectional());

    assertThat(((GoogleHarness) fx.vendor).google.emulator.invitations().toString()).doesNotContain("Planning");
  }
}
