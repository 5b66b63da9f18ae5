package com.tanhdev.pullsecret.check;

/** An input could not be read or parsed; the message names the file (and the line if known). */
public final class UnreadableManifestException extends RuntimeException {

  public UnreadableManifestException(String message) {
    super(message);
  }
}
