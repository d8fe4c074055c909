package io.calendarsync.operator.store;

/** Reads and writes that must commit together, or not at all. */
@FunctionalInterface
public interface StoreWork<T> {
  T run(StoreTransaction transaction);
}
