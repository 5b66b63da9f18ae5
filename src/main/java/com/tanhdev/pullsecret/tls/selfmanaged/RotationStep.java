package com.tanhdev.pullsecret.tls.selfmanaged;

/** One change to the bundle; {@link BundleIssuer} carries it out. */
public enum RotationStep {
  /** Nothing to do. */
  KEEP,
  /** A new CA and serving certificate, trusting only the new CA (nothing usable to keep). */
  REPLACE,
  /** A new serving certificate from the current CA; the caBundle does not change. */
  RENEW_SERVING,
  /** A new CA joins the caBundle and issues from now on; the old serving certificate stays. */
  INTRODUCE_CA,
  /** A serving certificate from the new CA; the old CA stays trusted. */
  SWITCH_TO_NEW_CA,
  /** The caBundle keeps only the current CA. */
  DROP_OLD_CAS,
  /** Records "now" as the start of the current phase, whose start time was lost. */
  RESTART_PHASE_CLOCK
}
