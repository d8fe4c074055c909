package io.calendarsync.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

import java.util.Objects;

/** Push notifications from the vendor. Push only lowers latency: the periodic sync keeps correctness without it. */
public class PushSpec {

  @Default("true")
  @JsonPropertyDescription("Ask the vendor to push changes to the webhook receiver (needs a public receiver URL).")
  private Boolean enabled = Boolean.TRUE;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PushSpec other && Objects.equals(enabled, other.enabled);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(enabled);
  }
}
