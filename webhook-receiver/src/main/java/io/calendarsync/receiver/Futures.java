package io.calendarsync.receiver;

import java.util.concurrent.CompletionException;

/** What failed a future: stages after the first wrap the original failure in a {@link CompletionException}. */
public final class Futures {

  private Futures() {}

  public static Throwable causeOf(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
