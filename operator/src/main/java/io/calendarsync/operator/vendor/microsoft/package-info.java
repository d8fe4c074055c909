/**
 * The Microsoft Graph (Outlook) adapter behind the vendor port, on the official Graph SDK: {@link
 * io.calendarsync.operator.vendor.microsoft.MicrosoftConnector} (one per operator) opens an {@code OutlookCalendar}
 * per sync; {@code GraphEventMapper} translates events losslessly (with {@code GraphRecurrence} for RRULE ↔
 * patternedRecurrence and {@code GraphTimeZones} for IANA ↔ Windows zone names), {@code GraphErrors} classifies
 * Graph's answers.
 */
package io.calendarsync.operator.vendor.microsoft;
