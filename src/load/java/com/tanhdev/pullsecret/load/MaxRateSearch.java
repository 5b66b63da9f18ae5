package com.tanhdev.pullsecret.load;

import java.io.IOException;
import java.time.Duration;

/**
 * The highest offered rate a server sustains with p99 at or under 25 ms, no errors, and the whole
 * offered rate answered: rates climb in steps of 500/s from 1,000/s, and a longer run confirms the
 * highest passing rate, or failing that the next lower ones, after a rest each.
 */
final class MaxRateSearch {

  static final double P99_LIMIT_MILLIS = 25;
  private static final double START = 1_000;
  private static final double STEP = 500;
  private static final double HIGHEST = 20_000;
  private static final Duration REST = Duration.ofSeconds(12);
  private static final int CONFIRM_ATTEMPTS = 4;

  private final LoadDriver driver;
  private final Report report;
  private final Duration stepLength;
  private final Duration confirmLength;

  MaxRateSearch(LoadDriver driver, Report report, Duration stepLength, Duration confirmLength) {
    this.driver = driver;
    this.report = report;
    this.stepLength = stepLength;
    this.confirmLength = confirmLength;
  }

  /**
   * The confirming run at the highest passing rate, or at up to {@link #CONFIRM_ATTEMPTS} - 1 lower
   * ones (500/s apart) while it fails; check it with {@link #sustains} (even 1,000/s may fail). A
   * failed step is tried once more after a rest, so that a moment of noise from elsewhere on the
   * machine does not end the search.
   */
  Measurement find(String label) throws IOException, InterruptedException {
    double passed = 0;
    for (double rate = START; rate <= HIGHEST; rate += STEP) {
      if (!step(label, rate) && !(rest() && step(label, rate))) {
        break;
      }
      passed = rate;
    }
    double rate = Math.max(passed, START);
    Measurement confirm = null;
    for (int attempt = 0; attempt < CONFIRM_ATTEMPTS && rate >= START; attempt++, rate -= STEP) {
      rest();
      confirm = confirm(label, rate);
      if (sustains(confirm)) {
        break;
      }
    }
    return confirm;
  }

  static boolean sustains(Measurement m) {
    LatencySummary s = m.summary();
    return s.errorCount() == 0
        && s.millisAt(0.99) <= P99_LIMIT_MILLIS
        && s.achievedPerSecond() >= 0.97 * m.rate();
  }

  /** Long enough for the dials and calls of an overloaded step to time out. */
  private static boolean rest() throws InterruptedException {
    Thread.sleep(REST.toMillis());
    return true;
  }

  private Measurement confirm(String label, double rate) throws IOException, InterruptedException {
    Measurement m = driver.run(label + " confirm", rate, confirmLength);
    report.measurement(m);
    return m;
  }

  private boolean step(String label, double rate) throws IOException, InterruptedException {
    Measurement m = driver.run(label + " step", rate, stepLength);
    report.measurement(m);
    return sustains(m);
  }
}
