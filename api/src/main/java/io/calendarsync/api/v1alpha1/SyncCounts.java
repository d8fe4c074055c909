package io.calendarsync.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What one sync changed, per side. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SyncCounts {

  private Integer createdExternal = 0;
  private Integer updatedExternal = 0;
  private Integer deletedExternal = 0;
  private Integer createdInternal = 0;
  private Integer updatedInternal = 0;
  private Integer deletedInternal = 0;
  private Integer conflicts = 0;
  private Integer errors = 0;
  private Integer skipped = 0;

  public Integer getCreatedExternal() {
    return createdExternal;
  }

  public void setCreatedExternal(Integer createdExternal) {
    this.createdExternal = createdExternal;
  }

  public Integer getUpdatedExternal() {
    return updatedExternal;
  }

  public void setUpdatedExternal(Integer updatedExternal) {
    this.updatedExternal = updatedExternal;
  }

  public Integer getDeletedExternal() {
    return deletedExternal;
  }

  public void setDeletedExternal(Integer deletedExternal) {
    this.deletedExternal = deletedExternal;
  }

  public Integer getCreatedInternal() {
    return createdInternal;
  }

  public void setCreatedInternal(Integer createdInternal) {
    this.createdInternal = createdInternal;
  }

  public Integer getUpdatedInternal() {
    return updatedInternal;
  }

  public void setUpdatedInternal(Integer updatedInternal) {
    this.updatedInternal = updatedInternal;
  }

  public Integer getDeletedInternal() {
    return deletedInternal;
  }

  public void setDeletedInternal(Integer deletedInternal) {
    this.deletedInternal = deletedInternal;
  }

  public Integer getConflicts() {
    return conflicts;
  }

  public void setConflicts(Integer conflicts) {
    this.conflicts = conflicts;
  }

  public Integer getErrors() {
    return errors;
  }

  public void setErrors(Integer errors) {
    this.errors = errors;
  }

  public Integer getSkipped() {
    return skipped;
  }

  public void setSkipped(Integer skipped) {
    this.skipped = skipped;
  }
}
