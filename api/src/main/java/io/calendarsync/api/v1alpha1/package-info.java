/**
 * The {@code calendarsync.io/v1alpha1} resources: {@link io.calendarsync.api.v1alpha1.CalendarProvider} (one person's
 * calendar, kept in sync with their schedule entries) and {@link io.calendarsync.api.v1alpha1.CalendarSyncConflict}
 * (an edit made on both sides, waiting for a person's decision).
 */
package io.calendarsync.api.v1alpha1;
