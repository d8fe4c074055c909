package io.calendarsync.operator.vendor.google;

import io.calendarsync.operator.vendor.OccurrenceOf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Event ids this adapter chooses or computes, in Google's id alphabet (base32hex: a-v and 0-9). */
final class GoogleEventIds {

  private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();
  /** 26 characters carry 130 bits of the digest: collisions are out of the question, and ids stay short. */
  private static final int LENGTH = 26;
  private static final DateTimeFormatter TIMED_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private GoogleEventIds() {
  }

  /**
   * The id a create with this idempotency key gives its event. Deterministic, so a retry of the create (after a crash
   * between the vendor write and the database commit) names the same event and Google answers 409 instead of making a
   * second one.
   */
  static String forIdempotencyKey(String idempotencyKey) {
    byte[] digest = sha256(idempotencyKey.getBytes(StandardCharsets.UTF_8));
    StringBuilder id = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      int bit = i * 5;
      int twoBytes = ((digest[bit / 8] & 0xff) << 8) | (digest[bit / 8 + 1] & 0xff);
      id.append(BASE32HEX[(twoBytes >> (11 - bit % 8)) & 0x1f]);
    }
    return id.toString();
  }

  /**
   * The id Google gives the instance of a series that originally started then: {@code <seriesId>_<UTC basic time>}
   * for timed series, {@code <seriesId>_<yyyyMMdd>} for all-day ones. Writing to it turns the instance into an
   * exception, which is how Google's API creates exceptions.
   */
  static String ofOccurrence(OccurrenceOf occurrence) {
    String stamp = occurrence.originalStart() != null
        ? TIMED_STAMP.format(occurrence.originalStart())
        : DateTimeFormatter.BASIC_ISO_DATE.format(occurrence.originalStartDate());
    return occurrence.seriesId() + "_" + stamp;
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
