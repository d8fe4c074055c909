package io.calendarsync.operator.vendor;

import io.calendarsync.operator.sync.SyncTarget;

/** Opens a provider's calendar at one vendor (one connector per vendor, shared by all its providers). */
public interface VendorConnector {

  ExternalCalendar open(SyncTarget target) throws VendorException;
}
