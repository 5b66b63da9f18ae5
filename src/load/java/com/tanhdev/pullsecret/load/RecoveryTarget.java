package com.tanhdev.pullsecret.load;

import java.time.Duration;

/** The recovery target: back to the steady p99 at 1,000/s within 5 s after a disturbance. */
final class RecoveryTarget {

  private static final double P99_MILLIS = 5;
  private static final int SECONDS_TO_RECOVER = 5;

  /** "Back to steady" means for this long at least, so that one later blip does not count. */
  private static final int HOLD_SECONDS = 5;

  private RecoveryTarget() {}

  static void check(Report report, String what, Measurement m, Duration length, int fromSecond) {
    int seconds =
        Measurement.secondsToSteady(m.perSecond(length), fromSecond, P99_MILLIS, HOLD_SECONDS);
    report.target(
        what + ": back to p99 <= 5 ms",
        "within 5 s",
        seconds < 0 ? "not within the run" : seconds + " s",
        seconds >= 0 && seconds <= SECONDS_TO_RECOVER);
  }
}
