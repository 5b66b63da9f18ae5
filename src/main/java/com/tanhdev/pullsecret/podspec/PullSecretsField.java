package com.tanhdev.pullsecret.podspec;

/** The state of a pod spec's {@code imagePullSecrets}, which decides the shape of the patch. */
public enum PullSecretsField {
  /** Not there: the patch adds the whole array. */
  ABSENT,
  /** Explicit null: the patch adds (replaces) the whole array. */
  NULL,
  /** An array: the patch appends entries and never touches existing ones. */
  ARRAY,
  /** Something else (a string, an object): no patch, the API server would reject it anyway. */
  WRONG_TYPE
}
