package io.calendarsync.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.DATE;
import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.INTEGER;
import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.STRING;

/** A person's calendar kept in sync with the schedule entries assigned to them. */
@Group(CalendarProvider.GROUP)
@Version(CalendarProvider.VERSION)
@ShortNames({"calprov", "cp"})
@Categories("calendarsync")
@AdditionalPrinterColumn(name = "Vendor", jsonPath = ".spec.vendor", type = STRING)
@AdditionalPrinterColumn(name = "Calendar", jsonPath = ".spec.calendarId", type = STRING)
@AdditionalPrinterColumn(name = "Direction", jsonPath = ".spec.syncDirection", type = STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.phase", type = STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = STRING)
@AdditionalPrinterColumn(name = "Last Sync", jsonPath = ".status.lastSyncTime", type = DATE)
@AdditionalPrinterColumn(name = "Conflicts", jsonPath = ".status.openConflicts", type = INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = DATE)
public class CalendarProvider extends CustomResource<CalendarProviderSpec, CalendarProviderStatus> implements Namespaced {

  public static final String GROUP = "calendarsync.io";
  public static final String VERSION = "v1alpha1";
}
