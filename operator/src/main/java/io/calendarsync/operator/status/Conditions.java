package io.calendarsync.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Edits a status' condition list in the standard shape. {@code lastTransitionTime} moves only when a condition's
 * status flips, so setting the same state again leaves the list byte-for-byte equal and costs no API write.
 */
public final class Conditions {

  private final List<Condition> conditions;
  private final long generation;
  private final Instant now;

  public Conditions(List<Condition> conditions, long generation, Instant now) {
    this.conditions = conditions;
    this.generation = generation;
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
  }

  public void set(String type, String status, String reason, String message) {
    Optional<Condition> existing = get(type);
    String transition = existing.filter(c -> status.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime)
        .orElse(now.toString());
    Condition next = new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(transition)
        .build();
    existing.ifPresentOrElse(c -> conditions.set(conditions.indexOf(c), next), () -> conditions.add(next));
  }

  public void setTrue(String type, String reason, String message) {
    set(type, "True", reason, message);
  }

  public void setFalse(String type, String reason, String message) {
    set(type, "False", reason, message);
  }

  public void setUnknown(String type, String reason, String message) {
    set(type, "Unknown", reason, message);
  }

  public void remove(String type) {
    conditions.removeIf(c -> type.equals(c.getType()));
  }

  public Optional<Condition> get(String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
