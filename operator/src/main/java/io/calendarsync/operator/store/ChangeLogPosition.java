package io.calendarsync.operator.store;

import java.util.Comparator;

/**
 * A point in the change log, the watermark a provider has read up to: the writing transaction's id, then the
 * change's sequence number. Ordering by transaction id first is what makes the watermark safe, see
 * {@link ChangeLogReader}.
 */
public record ChangeLogPosition(long transactionId, long sequence) implements Comparable<ChangeLogPosition> {

  /** Before every change. */
  public static final ChangeLogPosition START = new ChangeLogPosition(0, 0);

  private static final Comparator<ChangeLogPosition> ORDER =
      Comparator.comparingLong(ChangeLogPosition::transactionId).thenComparingLong(ChangeLogPosition::sequence);

  public ChangeLogPosition {
    if (transactionId < 0 || sequence < 0) {
      throw new IllegalArgumentException("negative change log position: " + transactionId + "/" + sequence);
    }
  }

  @Override
  public int compareTo(ChangeLogPosition other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return transactionId + "/" + sequence;
  }
}
