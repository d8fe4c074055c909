package io.calendarsync.operator.vendor.google;

import io.calendarsync.operator.vendor.OccurrenceOf;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class GoogleEventIdsTest {

  @Test
  void idempotencyKeysGiveStableIdsInGooglesAlphabet() {
    String id = GoogleEventIds.forIdempotencyKey("acme/entry-42#1");

    assertThat(id).matches("[a-v0-9]{26}");
    assertThat(GoogleEventIds.forIdempotencyKey("acme/entry-42#1")).isEqualTo(id);
    assertThat(GoogleEventIds.forIdempotencyKey("acme/entry-42#2")).isNotEqualTo(id);
  }

  @Test
  void encodesTheDigestAsBase32Hex() {
    // The first 130 bits of SHA-256("") (e3b0c442...) in base32hex, computed independently.
    assertThat(GoogleEventIds.forIdempotencyKey("")).isEqualTo("seoc8gkovge196nruj49irtp4g");
  }

  @Test
  void occurrencesUseGooglesInstanceIds() {
    assertThat(GoogleEventIds.ofOccurrence(new OccurrenceOf("series1", Instant.parse("2026-01-12T08:00:00Z"), null)))
        .isEqualTo("series1_20260112T080000Z");
    assertThat(GoogleEventIds.ofOccurrence(new OccurrenceOf("series1", null, LocalDate.parse("2026-01-12"))))
        .isEqualTo("series1_20260112");
  }
}
