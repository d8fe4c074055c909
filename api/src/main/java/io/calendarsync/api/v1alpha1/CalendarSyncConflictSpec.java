package io.calendarsync.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Which entry and event disagree, and (once a person decides) which side wins. */
@ValidationRule(
    value = "!has(oldSelf.resolution) || (has(self.resolution) && self.resolution == oldSelf.resolution)",
    message = "resolution cannot be changed or removed once set",
    fieldPath = ".resolution")
public class CalendarSyncConflictSpec {

  @Required
  @Size(min = 1, max = 253)
  @ValidationRule(value = CalendarProviderSpec.IMMUTABLE, message = "providerName is immutable")
  @JsonPropertyDescription("The CalendarProvider (same namespace) whose sync found the conflict.")
  private String providerName;

  @Required
  @Size(min = 1)
  @ValidationRule(value = CalendarProviderSpec.IMMUTABLE, message = "entryId is immutable")
  @JsonPropertyDescription("The schedule entry's id.")
  private String entryId;

  @Required
  @Size(min = 1)
  @ValidationRule(value = CalendarProviderSpec.IMMUTABLE, message = "externalEventId is immutable")
  @JsonPropertyDescription("The calendar event's id at the vendor.")
  private String externalEventId;

  @JsonPropertyDescription("Set by a person: KeepInternal (the schedule entry wins) or KeepExternal (the calendar event wins).")
  private ConflictResolution resolution;

  public String getProviderName() {
    return providerName;
  }

  public void setProviderName(String providerName) {
    this.providerName = providerName;
  }

  public String getEntryId() {
    return entryId;
  }

  public void setEntryId(String entryId) {
    this.entryId = entryId;
  }

  public String getExternalEventId() {
    return externalEventId;
  }

  public void setExternalEventId(String externalEventId) {
    this.externalEventId = externalEventId;
  }

  public ConflictResolution getResolution() {
    return resolution;
  }

  public void setResolution(ConflictResolution resolution) {
    this.resolution = resolution;
  }
}
