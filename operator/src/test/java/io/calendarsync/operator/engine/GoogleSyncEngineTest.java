package io.calendarsync.operator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calendarsync.operator.store.MappingStatus;
import io.calendarsync.operator.sync.SyncResult;
import io.calendarsync.operator.vendor.google.GoogleEmulatorFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

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

  /** Google returned an event the adapter cannot express (a status this API version does not document). */
  @Test
  void anEventTheAdapterCannotMapIsCountedAsSkippedWhileTheOthersSync() throws Exception {
    GoogleHarness google = (GoogleHarness) fx.vendor;
    ObjectNode odd = JsonNodeFactory.instance.objectNode().put("summary", "Odd").put("status", "postponed");
    odd.putObject("start").put("dateTime", "2026-01-14T09:00:00Z");
    odd.putObject("end").put("dateTime", "2026-01-14T10:00:00Z");
    google.google.emulator.calendars().storeUnchecked(GoogleEmulatorFixture.USER, "primary", odd);
    fx.vendor.createAllDay("Dentist", LocalDate.parse("2026-01-20"), LocalDate.parse("2026-01-21"));

    SyncResult first = fx.sync(fx.bidirectional());

    assertThat(first.counts().getSkipped()).isEqualTo(1);
    assertThat(first.counts().getCreatedInternal()).isEqualTo(1);
    assertThat(fx.mappings(fx.bidirectional())).singleElement()
        .satisfies(m -> assertThat(m.status()).isEqualTo(MappingStatus.SYNCED));
    assertThat(fx.sync(fx.bidirectional()).counts().getSkipped()).as("only what is reported again is skipped again")
        .isZero();
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
