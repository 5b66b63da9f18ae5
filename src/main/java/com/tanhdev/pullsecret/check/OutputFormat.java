package com.tanhdev.pullsecret.check;

/** How {@code check} prints its findings. */
public enum OutputFormat {
  /** One line per finding and a summary line, for people reading CI logs. */
  TEXT,
  /** A JSON array of findings, for tools. */
  JSON,
  /** GitHub Actions annotations, which a pull request shows on the pod spec's line. */
  GITHUB,
  /** A SARIF 2.1.0 log, for code scanning. */
  SARIF
}
