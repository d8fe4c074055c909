package io.calendarsync.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One side of a conflict, as a person needs to see it to decide. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EventVersion {

  private String title;

  @JsonPropertyDescription("Start: an RFC 3339 time, or a date for all-day events.")
  private String start;

  @JsonPropertyDescription("End: an RFC 3339 time, or the exclusive end date for all-day events.")
  private String end;

  private String timeZone;

  private Boolean allDay;

  @JsonPropertyDescription("True when this side deleted the entry or event.")
  private Boolean deleted;

  private String lastModified;

  @JsonPropertyDescription("Entry version (platform) or etag / changeKey (calendar).")
  private String version;

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getStart() {
    return start;
  }

  public void setStart(String start) {
    this.start = start;
  }

  public String getEnd() {
    return end;
  }

  public void setEnd(String end) {
    this.end = end;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public Boolean getAllDay() {
    return allDay;
  }

  public void setAllDay(Boolean allDay) {
    this.allDay = allDay;
  }

  public Boolean getDeleted() {
    return deleted;
  }

  public void setDeleted(Boolean deleted) {
    this.deleted = deleted;
  }

  public String getLastModified() {
    return lastModified;
  }

  public void setLastModified(String lastModified) {
    this.lastModified = lastModified;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }
}
