/**
 * The port between the sync engine and a vendor's calendar API, in the spirit of Crossplane's external client: observe
 * changes, get, create, update, delete. Everything vendor-specific (wire formats, ids, etags, paging, time-zone names,
 * recurrence dialects, rate limits) stays behind {@link io.calendarsync.operator.vendor.ExternalCalendar}, so the
 * engine is written once for Google and Microsoft.
 */
package io.calendarsync.operator.vendor;
