package com.tanhdev.pullsecret.load;

import java.time.Duration;

/**
 * How long each part of the scenario set runs. The full set fits in about ten minutes; the quick
 * one checks that everything works in about three.
 *
 * @param warmUpStep each of the warm-up's four rate steps
 * @param steady each steady-rate run
 * @param disturbed a run with a stall in it; the stall starts after {@link #disturbanceAt}
 * @param disturbanceAt when the stall starts
 * @param maxStep each step of the maximum-rate search
 * @param maxConfirm the run confirming the maximum rate
 * @param burst a cold-start burst run
 * @param vegetaStep each rate of the vegeta run
 * @param apiServerStep each rate of the Pod creations through kube-apiserver
 */
record Timing(
    Duration warmUpStep,
    Duration steady,
    Duration disturbed,
    Duration disturbanceAt,
    Duration maxStep,
    Duration maxConfirm,
    Duration burst,
    Duration vegetaStep,
    Duration apiServerStep) {

  static Timing full() {
    return new Timing(s(5), s(60), s(25), s(5), s(5), s(20), s(20), s(10), s(20));
  }

  static Timing quick() {
    return new Timing(s(2), s(10), s(15), s(4), s(3), s(5), s(10), s(5), s(5));
  }

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
