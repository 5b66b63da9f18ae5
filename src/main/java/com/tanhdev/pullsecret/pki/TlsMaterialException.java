package com.tanhdev.pullsecret.pki;

/**
 * Certificate or key material that cannot be served; the message names the file and the problem so
 * that an operator can act on a single log line.
 */
public final class TlsMaterialException extends Exception {

  public TlsMaterialException(String message) {
    super(message);
  }

  public TlsMaterialException(String message, Throwable cause) {
    super(message, cause);
  }
}
