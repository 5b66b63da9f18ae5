package com.tanhdev.pullsecret.rollout;

import java.util.concurrent.TimeUnit;

/**
 * The drill's event lines on stdout, each with the seconds since the drill started, so that a
 * failed call (also printed with its time) can be matched with what the pods were doing.
 */
final class DrillLog {

  private static final long START = System.nanoTime();

  private DrillLog() {}

  static void event(String format, Object... arguments) {
    System.out.printf("%9.3f s  %s%n", secondsAt(System.nanoTime()), format.formatted(arguments));
  }

  static double secondsAt(long nanos) {
    return (nanos - START) / (double) TimeUnit.SECONDS.toNanos(1);
  }
}
