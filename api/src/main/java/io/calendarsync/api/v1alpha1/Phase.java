package io.calendarsync.api.v1alpha1;

/** The one-word summary shown in the STATUS column of {@code kubectl get calendarproviders}. */
public enum Phase {
  Pending,
  Connected,
  Syncing,
  Conflict,
  Error,
  Suspended,
  AuthorizationRequired
}
