package com.tanhdev.pullsecret.tls.selfmanaged;

/** What to do next and why, in words an operator reads in the log. */
public record RotationPlan(RotationStep step, String reason) {

  static RotationPlan keep(String reason) {
    return new RotationPlan(RotationStep.KEEP, reason);
  }
}
