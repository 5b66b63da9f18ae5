package com.tanhdev.pullsecret.admission;

/** The closed list of answers the handler gives; {@link AdmissionResponses} builds each one. */
public enum AnswerKind {
  /** Allowed with a patch that adds pull secrets. */
  PATCHED,
  /** Report mode: allowed and never patched; what enforcing would do is told in warnings. */
  REPORTED,
  /** Rejected: a Pod whose pull secret is missing or invalid under {@code missingSecret: deny}. */
  DENIED,
  /** Allowed without a patch, with the reason in the audit annotations and warnings. */
  UNCHANGED,
  /** Allowed without a word: a request this webhook does not look at. */
  IGNORED
}
