package com.tanhdev.pullsecret.policy;

/** Whether decisions are applied or only reported. */
public enum Mode {
  /** Patch objects. */
  ENFORCE,
  /** Return no patch, but the same warnings, annotations, metrics and logs: a dry run. */
  REPORT
}
