package io.calendarsync.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;

/** Both versions side by side, and how applying the resolution went. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CalendarSyncConflictStatus {

  private Long observedGeneration;

  @JsonPropertyDescription("The schedule entry as it is now.")
  private EventVersion internal;

  @JsonPropertyDescription("The calendar event as it is now.")
  private EventVersion external;

  @JsonPropertyDescription("When the conflict was found (RFC 3339).")
  private String detectedTime;

  @JsonPropertyDescription("Open until a resolution is set; Resolving while it is applied; Failed with a message if it could not be.")
  private String phase;

  private List<Condition> conditions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public EventVersion getInternal() {
    return internal;
  }

  public void setInternal(EventVersion internal) {
    this.internal = internal;
  }

  public EventVersion getExternal() {
    return external;
  }

  public void setExternal(EventVersion external) {
    this.external = external;
  }

  public String getDetectedTime() {
    return detectedTime;
  }

  public void setDetectedTime(String detectedTime) {
    this.detectedTime = detectedTime;
  }

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
