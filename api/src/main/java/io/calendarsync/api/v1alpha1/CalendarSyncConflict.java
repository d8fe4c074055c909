package io.calendarsync.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.DATE;
import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.STRING;

/**
 * An entry and its calendar event that both changed since the last sync. Created by the operator, owned by its
 * provider; a person sets {@code spec.resolution} and the operator applies it and deletes the conflict.
 */
@Group(CalendarProvider.GROUP)
@Version(CalendarProvider.VERSION)
@ShortNames({"calconflict", "csc"})
@Categories("calendarsync")
@AdditionalPrinterColumn(name = "Provider", jsonPath = ".spec.providerName", type = STRING)
@AdditionalPrinterColumn(name = "Entry", jsonPath = ".spec.entryId", type = STRING)
@AdditionalPrinterColumn(name = "Internal", jsonPath = ".status.internal.title", type = STRING, priority = 1)
@AdditionalPrinterColumn(name = "External", jsonPath = ".status.external.title", type = STRING, priority = 1)
@AdditionalPrinterColumn(name = "Resolution", jsonPath = ".spec.resolution", type = STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.phase", type = STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = DATE)
public class CalendarSyncConflict extends CustomResource<CalendarSyncConflictSpec, CalendarSyncConflictStatus>
    implements Namespaced {}
