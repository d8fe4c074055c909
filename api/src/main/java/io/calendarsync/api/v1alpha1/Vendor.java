package io.calendarsync.api.v1alpha1;

/** The calendar service a provider syncs with. */
public enum Vendor {
  Google,
  Microsoft
}
