package io.calendarsync.operator.engine;

/** The engine's guarantees on Outlook through Microsoft Graph. */
class OutlookSyncEngineTest extends SyncEngineContract {

  @Override
  VendorHarness newVendor() {
    return new OutlookHarness();
  }

  @Override
  String ruleTheVendorRefuses() {
    // Graph's patternedRecurrence has no hours: a rule with BYHOUR cannot be expressed.
    return "RRULE:FREQ=DAILY;BYHOUR=9,17";
  }
}
