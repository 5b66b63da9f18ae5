package com.tanhdev.pullsecret.rollout;

/**
 * One create: when it started and ended (System.nanoTime), its outcome and, for a failure, the API
 * server's message.
 */
record CallRecord(long startNanos, long endNanos, CallOutcome outcome, String detail) {

  long latencyNanos() {
    return endNanos - startNanos;
  }

  boolean endedIn(long fromNanos, long toNanos) {
    return endNanos >= fromNanos && endNanos < toNanos;
  }

  boolean isFailedAdmission() {
    return outcome == CallOutcome.WEBHOOK_FAILED || outcome == CallOutcome.STORED_WITHOUT_SECRET;
  }
}
