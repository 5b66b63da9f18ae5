package com.tanhdev.pullsecret.provision;

/** Where one (secret, namespace) pair stands, for the metrics and the source's Events. */
public enum CopyState {
  /** The namespace is not selected (or is terminating, or holds the source). */
  NOT_SELECTED,
  /** The copy matches the source. */
  IN_SYNC,
  /** A write is needed and planned. */
  OUT_OF_SYNC,
  /** A same-named secret we did not create stands where the copy belongs. */
  CONFLICTED,
  /** The source is missing or invalid: nothing is written, an existing copy is kept. */
  SOURCE_PROBLEM,
  /** The last write failed; it is retried with backoff. */
  FAILED
}
