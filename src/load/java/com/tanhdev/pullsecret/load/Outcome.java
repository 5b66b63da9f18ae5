package com.tanhdev.pullsecret.load;

/** What became of one generated request. */
enum Outcome {
  /** HTTP 200. */
  OK,
  /** Another HTTP status. */
  STATUS,
  /** No complete answer within the webhook timeout: the API server would have given up. */
  TIMEOUT,
  /** Connecting, the handshake or the exchange failed. */
  FAILED,
  /**
   * The generator had no thread left to send it: the run measured the generator, not the server.
   */
  NOT_SENT
}
