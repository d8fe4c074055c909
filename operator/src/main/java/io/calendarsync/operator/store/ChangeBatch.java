package io.calendarsync.operator.store;

import java.util.List;

/**
 * Changes read from the log in order, and the watermark to store once they are handled.
 *
 * @param watermark     past every change returned, and past every change the reader skipped because it belongs to
 *                      someone else; never past a change that might still commit
 * @param mayHaveMore   the batch is full: read again from {@code watermark}
 */
public record ChangeBatch(List<ScheduleChange> changes, ChangeLogPosition watermark, boolean mayHaveMore) {

  public ChangeBatch {
    changes = List.copyOf(changes);
  }
}
