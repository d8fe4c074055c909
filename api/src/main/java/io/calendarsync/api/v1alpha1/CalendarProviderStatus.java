package io.calendarsync.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;

/** Observed state of a provider. Never holds a secret or a token. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CalendarProviderStatus {

  private Long observedGeneration;

  @JsonPropertyDescription("Ready, Connected, Synced, WebhookActive, Conflict, Reconciling and Stalled.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("One-word summary for the STATUS column.")
  private Phase phase;

  @JsonPropertyDescription("When the last sync finished successfully (RFC 3339).")
  private String lastSyncTime;

  @JsonPropertyDescription("What the last successful sync changed.")
  private SyncCounts lastSyncCounts;

  private Integer openConflicts;

  @JsonPropertyDescription("When the current access token expires (RFC 3339).")
  private String tokenExpiryTime;

  private String lastTokenRefreshTime;

  @JsonPropertyDescription("When the current push channel or subscription expires (RFC 3339).")
  private String pushChannelExpiryTime;

  @JsonPropertyDescription("The last value of the calendarsync.io/sync-requested-at annotation that was handled.")
  private String lastHandledSyncRequest;

  @JsonPropertyDescription("While consent is needed: the URL a person opens to grant calendar access.")
  private String authorizationUrl;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public String getLastSyncTime() {
    return lastSyncTime;
  }

  public void setLastSyncTime(String lastSyncTime) {
    this.lastSyncTime = lastSyncTime;
  }

  public SyncCounts getLastSyncCounts() {
    return lastSyncCounts;
  }

  public void setLastSyncCounts(SyncCounts lastSyncCounts) {
    this.lastSyncCounts = lastSyncCounts;
  }

  public Integer getOpenConflicts() {
    return openConflicts;
  }

  public void setOpenConflicts(Integer openConflicts) {
    this.openConflicts = openConflicts;
  }

  public String getTokenExpiryTime() {
    return tokenExpiryTime;
  }

  public void setTokenExpiryTime(String tokenExpiryTime) {
    this.tokenExpiryTime = tokenExpiryTime;
  }

  public String getLastTokenRefreshTime() {
    return lastTokenRefreshTime;
  }

  public void setLastTokenRefreshTime(String lastTokenRefreshTime) {
    this.lastTokenRefreshTime = lastTokenRefreshTime;
  }

  public String getPushChannelExpiryTime() {
    return pushChannelExpiryTime;
  }

  public void setPushChannelExpiryTime(String pushChannelExpiryTime) {
    this.pushChannelExpiryTime = pushChannelExpiryTime;
  }

  public String getLastHandledSyncRequest() {
    return lastHandledSyncRequest;
  }

  public void setLastHandledSyncRequest(String lastHandledSyncRequest) {
    this.lastHandledSyncRequest = lastHandledSyncRequest;
  }

  public String getAuthorizationUrl() {
    return authorizationUrl;
  }

  public void setAuthorizationUrl(String authorizationUrl) {
    this.authorizationUrl = authorizationUrl;
  }
}
