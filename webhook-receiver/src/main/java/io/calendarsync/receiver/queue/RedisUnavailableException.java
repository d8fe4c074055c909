package io.calendarsync.receiver.queue;

/** Redis could not take or answer a command: not connected, refused, or failed. The receiver answers 503. */
public final class RedisUnavailableException extends RuntimeException {

  RedisUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
