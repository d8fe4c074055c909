package io.calendarsync.api.redis;

import java.util.Arrays;
import java.util.Optional;

/** A value with a fixed spelling in Redis keys and fields, and in the receiver's URL paths. */
interface WireName {

  String wireName();

  static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String wireName) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireName().equals(wireName)).findFirst();
  }
}
