package com.tanhdev.pullsecret.source;

/**
 * A change that cannot be written into the file without rewriting more than the change, for example
 * an {@code imagePullSecrets} that is an alias of a list defined elsewhere. The message says why,
 * for the user, who makes that edit by hand.
 */
public final class UneditableSourceException extends RuntimeException {

  public UneditableSourceException(String message) {
    super(message);
  }
}
