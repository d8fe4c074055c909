package io.calendarsync.operator.vendor.google;

/** A Google event the adapter cannot express in the port's terms; the message says why, without any token. */
final class UnmappableEvent extends Exception {

  UnmappableEvent(String reason) {
    super(reason);
  }
}
