package io.calendarsync.api.crypto;

/** A value that {@link SecretBox} refuses to decrypt. The message says why in general terms, never what the value was. */
public final class DecryptionException extends RuntimeException {

  public DecryptionException(String reason) {
    super("cannot decrypt: " + reason);
  }
}
