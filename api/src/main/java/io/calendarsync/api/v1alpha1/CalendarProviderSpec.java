package io.calendarsync.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.Objects;

/** One person's calendar and the schedule entries that belong in it. */
@ValidationRule(
    value = "self.vendor != 'Microsoft' || self.calendarId != 'primary'",
    message = "calendarId 'primary' is Google's name for the default calendar; use 'calendar' for the default Outlook calendar",
    fieldPath = ".calendarId",
    reason = "FieldValueInvalid")
@ValidationRule(
    value = "self.vendor != 'Google' || self.calendarId != 'calendar'",
    message = "calendarId 'calendar' is Outlook's name for the default calendar; use 'primary' for the default Google calendar",
    fieldPath = ".calendarId",
    reason = "FieldValueInvalid")
public class CalendarProviderSpec {

  static final String IMMUTABLE = "self == oldSelf";

  @Required
  @ValidationRule(value = IMMUTABLE, message = "vendor is immutable: create a new provider for another vendor")
  @JsonPropertyDescription("The calendar service: Google or Microsoft.")
  private Vendor vendor;

  @Required
  @Size(min = 1, max = 1024)
  @ValidationRule(value = IMMUTABLE, message = "calendarId is immutable: create a new provider for another calendar")
  @JsonPropertyDescription("The calendar to sync: 'primary' (Google's default), 'calendar' (Outlook's default) or a calendar id.")
  private String calendarId;

  @Default("Bidirectional")
  @JsonPropertyDescription("Bidirectional, ToExternal (platform to calendar only) or FromExternal (calendar to platform only).")
  private SyncDirection syncDirection = SyncDirection.Bidirectional;

  @Required
  @JsonPropertyDescription("Secret in this namespace with client-id, client-secret, optional refresh-token and, for Microsoft, tenant-id.")
  private SecretReference credentialsSecretRef;

  @Required
  @Size(min = 1, max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @ValidationRule(value = IMMUTABLE, message = "tenant is immutable")
  @JsonPropertyDescription("The tenant whose schedule entries are synced; must equal the namespace label calendarsync.io/tenant when tenant enforcement is on.")
  private String tenant;

  @Required
  @Size(min = 1, max = 256)
  @ValidationRule(value = IMMUTABLE, message = "userId is immutable: create a new provider for another person")
  @JsonPropertyDescription("The platform user whose assigned entries are synced.")
  private String userId;

  @Default("false")
  @JsonPropertyDescription("Stop syncing and stop push channels until set back to false.")
  private Boolean suspend = Boolean.FALSE;

  @Default("15m")
  @Pattern(Durations.PATTERN)
  @ValidationRule(value = "duration(self) >= duration('1m')", message = "syncInterval must be at least 1m")
  @ValidationRule(value = "duration(self) <= duration('24h')", message = "syncInterval must be at most 24h")
  @JsonPropertyDescription("Safety-net resync interval (push is best effort), such as 15m.")
  private String syncInterval = "15m";

  @JsonPropertyDescription("How far back and ahead of now entries are synced.")
  private SyncWindow syncWindow = new SyncWindow();

  @Default("Manual")
  @JsonPropertyDescription("Manual (raise a CalendarSyncConflict), PreferInternal, PreferExternal or NewestWins.")
  private ConflictPolicy conflictPolicy = ConflictPolicy.Manual;

  @JsonPropertyDescription("Push notifications from the vendor.")
  private PushSpec push = new PushSpec();

  public Vendor getVendor() {
    return vendor;
  }

  public void setVendor(Vendor vendor) {
    this.vendor = vendor;
  }

  public String getCalendarId() {
    return calendarId;
  }

  public void setCalendarId(String calendarId) {
    this.calendarId = calendarId;
  }

  public SyncDirection getSyncDirection() {
    return syncDirection;
  }

  public void setSyncDirection(SyncDirection syncDirection) {
    this.syncDirection = syncDirection;
  }

  public SecretReference getCredentialsSecretRef() {
    return credentialsSecretRef;
  }

  public void setCredentialsSecretRef(SecretReference credentialsSecretRef) {
    this.credentialsSecretRef = credentialsSecretRef;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public String getSyncInterval() {
    return syncInterval;
  }

  public void setSyncInterval(String syncInterval) {
    this.syncInterval = syncInterval;
  }

  public SyncWindow getSyncWindow() {
    return syncWindow;
  }

  public void setSyncWindow(SyncWindow syncWindow) {
    this.syncWindow = syncWindow;
  }

  public ConflictPolicy getConflictPolicy() {
    return conflictPolicy;
  }

  public void setConflictPolicy(ConflictPolicy conflictPolicy) {
    this.conflictPolicy = conflictPolicy;
  }

  public PushSpec getPush() {
    return push;
  }

  public void setPush(PushSpec push) {
    this.push = push;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CalendarProviderSpec other
        && vendor == other.vendor
        && Objects.equals(calendarId, other.calendarId)
        && syncDirection == other.syncDirection
        && Objects.equals(credentialsSecretRef, other.credentialsSecretRef)
        && Objects.equals(tenant, other.tenant)
        && Objects.equals(userId, other.userId)
        && Objects.equals(suspend, other.suspend)
        && Objects.equals(syncInterval, other.syncInterval)
        && Objects.equals(syncWindow, other.syncWindow)
        && conflictPolicy == other.conflictPolicy
        && Objects.equals(push, other.push);
  }

  @Override
  public int hashCode() {
    return Objects.hash(vendor, calendarId, syncDirection, credentialsSecretRef, tenant, userId, suspend, syncInterval,
        syncWindow, conflictPolicy, push);
  }
}
