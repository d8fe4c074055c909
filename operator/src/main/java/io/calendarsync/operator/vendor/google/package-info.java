/**
 * The Google Calendar v3 adapter behind the vendor port, on the official client library: {@link
 * io.calendarsync.operator.vendor.google.GoogleConnector} (one per operator) opens a {@code GoogleCalendar} per sync;
 * {@code GoogleEventMapper} translates events losslessly, {@code GoogleErrors} classifies Google's answers.
 */
package io.calendarsync.operator.vendor.google;
