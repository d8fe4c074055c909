package io.calendarsync.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.Objects;

/** How far back and ahead of now entries and events are kept in sync. */
@ValidationRule(value = "duration(self.past) <= duration('8760h')", message = "syncWindow.past must be at most 8760h (one year)")
@ValidationRule(value = "duration(self.future) <= duration('17520h')", message = "syncWindow.future must be at most 17520h (two years)")
@ValidationRule(value = "duration(self.future) >= duration('24h')", message = "syncWindow.future must be at least 24h")
public class SyncWindow {

  @Default("720h")
  @Pattern(Durations.PATTERN)
  @JsonPropertyDescription("How far back from now, as a duration such as 720h.")
  private String past = "720h";

  @Default("8760h")
  @Pattern(Durations.PATTERN)
  @JsonPropertyDescription("How far ahead of now, as a duration such as 8760h.")
  private String future = "8760h";

  public String getPast() {
    return past;
  }

  public void setPast(String past) {
    this.past = past;
  }

  public String getFuture() {
    return future;
  }

  public void setFuture(String future) {
    this.future = future;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SyncWindow other && Objects.equals(past, other.past) && Objects.equals(future, other.future);
  }

  @Override
  public int hashCode() {
    return Objects.hash(past, future);
  }
}
