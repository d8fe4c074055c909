package io.calendarsync.operator.oauth;

/** The operator's token Secret could not be written; the message names the Secret, never a value. */
public class TokenStoreException extends Exception {

  public TokenStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
