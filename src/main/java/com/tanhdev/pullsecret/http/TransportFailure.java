package com.tanhdev.pullsecret.http;

/**
 * A request answered with an error status before any decision: the body was too large, too slow,
 * not JSON, or did not fit the memory budget. The connection is closed after the answer, because
 * the rest of the body, if any, is not worth reading.
 */
final class TransportFailure extends RuntimeException {

  private final int status;

  TransportFailure(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
